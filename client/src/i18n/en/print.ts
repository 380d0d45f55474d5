/** English strings, namespace `print`. */
export const print = {
  pageTitle: 'Print: {{title}}',
  summary_one: '{{count}} slide',
  summary_other: '{{count}} slides',
  print: 'Print',
  slideLabel: 'Slide {{current}} of {{total}}',
  notesLabel: 'Notes for slide {{current}} of {{total}}',
  notesHeading: 'Speaker notes',
  handoutSheet: 'Handout page {{current}} of {{total}}',
  handoutPage: '{{current}} / {{total}}',
};
