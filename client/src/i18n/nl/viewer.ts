/** Dutch strings, namespace `viewer`: the same keys as ../en/viewer.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const viewer: Translations['viewer'] = {
  pageTitle: 'Presentatie',
  waiting: 'De presentatie verschijnt hier zodra de presentator begint.',
  label: 'Link: {{label}}',
  notFoundTitle: 'Link niet gevonden',
  notFoundText: 'Deze link bestaat niet, of de presentatie waar hij naar wees is niet meer beschikbaar. Controleer het adres of vraag de presentator om een nieuwe link.',
  revokedTitle: 'Link ingetrokken',
  revokedText: 'De presentator heeft deze link ingetrokken. Vraag de presentator om een nieuwe link.',
  expiredTitle: 'Link verlopen',
  expiredText: 'Deze link is verlopen. Vraag de presentator om een nieuwe link.',
  deckGoneTitle: 'Presentatie niet beschikbaar',
  deckGoneText: 'Deze presentatie is verwijderd. Vraag de presentator om een nieuwe link.',
  kicker: 'Live presentatie',
  connecting: 'Verbinden met de presentatie…',
  reconnecting: 'De verbinding is verbroken. Opnieuw verbinden…',
  ended: 'De presentatie is afgelopen. Bedankt voor het meekijken.',
  /** Na de sessie, als de presentator de getoonde dia’s beschikbaar hield. */
  kept: 'Beschikbaar tot {{date}}',
  keptKicker: 'Presentatie afgelopen: de getoonde dia’s blijven beschikbaar tot {{date}}',
  noSlides: 'Deze presentatie heeft nog geen dia’s.',
  live: 'Live',
  behind: 'Eerdere dia',
  navigation: 'Dia’s',
  previous: 'Vorige dia',
  next: 'Volgende dia',
  backToLive: 'Terug naar live',
  loadingSlide: 'De dia wordt geladen…',
  counter: '{{current}} / {{total}}',
  slideLabel: 'Dia {{current}} van {{total}}',
  /** The toggle between the slide picture and its content as a readable page. */
  readingView: 'Leesweergave',
  /** Shown while the slide picture is zoomed in (pinch or double tap). */
  resetZoom: 'Zoom herstellen',
  /** Said once by a screen reader when another slide is shown. */
  announce: 'Dia {{current}}: {{title}}',
  announceUntitled: 'Dia {{current}}',
};
