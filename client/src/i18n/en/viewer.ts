/** English strings, namespace `viewer`. */
export const viewer = {
  pageTitle: 'Presentation',
  waiting: 'The presentation will appear here as soon as the presenter starts.',
  label: 'Link: {{label}}',
  notFoundTitle: 'Link not found',
  notFoundText: 'This link does not exist, or the deck it pointed to is no longer available. Check the address or ask the presenter for a new link.',
  revokedTitle: 'Link revoked',
  revokedText: 'The presenter has revoked this link. Ask the presenter for a new one.',
  expiredTitle: 'Link expired',
  expiredText: 'This link has expired. Ask the presenter for a new one.',
  deckGoneTitle: 'Presentation unavailable',
  deckGoneText: 'This presentation has been removed. Ask the presenter for a new link.',
  kicker: 'Live presentation',
  connecting: 'Connecting to the presentation…',
  reconnecting: 'The connection was lost. Reconnecting…',
  ended: 'The presentation has ended. Thank you for following along.',
  /** After the session, when the presenter kept the slides shown available. */
  kept: 'Available until {{date}}',
  keptKicker: 'Presentation ended: the slides shown stay available until {{date}}',
  noSlides: 'This presentation has no slides yet.',
  live: 'Live',
  behind: 'Earlier slide',
  navigation: 'Slides',
  previous: 'Previous slide',
  next: 'Next slide',
  backToLive: 'Back to live',
  loadingSlide: 'Loading the slide…',
  counter: '{{current}} / {{total}}',
  slideLabel: 'Slide {{current}} of {{total}}',
  /** The toggle between the slide picture and its content as a readable page. */
  readingView: 'Reading view',
  /** Shown while the slide picture is zoomed in (pinch or double tap). */
  resetZoom: 'Reset zoom',
  /** Said once by a screen reader when another slide is shown. */
  announce: 'Slide {{current}}: {{title}}',
  announceUntitled: 'Slide {{current}}',
};
