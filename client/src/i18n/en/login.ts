/** English strings, namespace `login`. */
export const login = {
  title: 'Sign in',
  intro: 'Sign in with your Tussenstand account to work on the briefing decks.',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  wrongCredentials: 'Wrong username or password.',
  throttledMinutes_one: 'Too many failed sign-ins. Try again in {{count}} minute.',
  throttledMinutes_other: 'Too many failed sign-ins. Try again in {{count}} minutes.',
  throttledSeconds_one: 'Too many failed sign-ins. Try again in {{count}} second.',
  throttledSeconds_other: 'Too many failed sign-ins. Try again in {{count}} seconds.',
  signedOut: 'You have been signed out.',
  sessionEnded: 'Your session has ended. Please sign in again.',
};
