/** English strings, namespace `deck`. */
export const deck = {
  backToList: 'All decks',
  slides: 'Slides',
  slideLabel: 'Slide {{number}}',
  emptySlide: '(empty slide)',
  noSlides: 'This deck has no slides yet.',
  waitingForSlides: 'Loading the slides…',
  notFound: 'Deck not found',
  notFoundText: 'This deck does not exist or has been moved to the trash.',
  closedTitle: 'The connection was closed',
  closedCode: 'Code {{code}}: {{reason}}',
  signInAgain: 'Sign in again',
};
