/** English strings, namespace `header`. */
export const header = {
  mainNav: 'Main',
  decks: 'Decks',
  trash: 'Trash',
  signedInAs: 'Signed in as',
  signOut: 'Sign out',
};
