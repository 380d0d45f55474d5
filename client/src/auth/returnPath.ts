/** Where to go after signing in: only paths on this site, never another origin. */

export function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/login' || value.startsWith('/login?')) return '/';
  return value;
}

export function loginPath(returnTo: string, sessionEnded = false): string {
  const params = new URLSearchParams();
  if (returnTo && returnTo !== '/') params.set('next', returnTo);
  if (sessionEnded) params.set('ended', '1');
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}
