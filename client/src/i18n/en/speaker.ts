/** English strings, namespace `speaker`. */
export const speaker = {
  pageTitle: 'Speaker view: {{title}}',
  heading: 'Speaker view ·',
  previous: 'Previous',
  next: 'Next',
  elapsed: 'Elapsed',
  clock: 'Time',
  current: 'Current slide ({{number}})',
  nextSlide: 'Next slide',
  nextStep: 'Next step ({{step}} of {{steps}})',
  endOfDeck: 'End of the presentation',
  notes: 'Notes',
  noNotes: 'No notes for this slide.',
  rehearsal: 'rehearsal',
  resetTimer: 'Reset timer',
  keysHint: '← → or Page Up/Down move the presentation; the presenter window follows.',
};
