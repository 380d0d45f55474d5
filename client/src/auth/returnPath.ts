/** Where to go after signing in: only paths on this site, never another origin. */

export function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/login' || value.startsWith('/login?')) return '/';
  return value;
}

/** The sign-in page's address; `why` adds a line explaining why the user is there. */
export function loginPath(returnTo: string, why?: 'session-ended' | 'signed-out'): string {
  const params = new URLSearchParams();
  // After a deliberate sign-out there is nothing to return to.
  if (returnTo && returnTo !== '/' && why !== 'signed-out') params.set('next', returnTo);
  if (why === 'session-ended') params.set('ended', '1');
  if (why === 'signed-out') params.set('signedOut', '1');
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}
