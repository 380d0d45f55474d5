/** English strings, namespace `importDeck`. */
export const importDeck = {
  open: 'Import',
  title: 'Import a deck',
  intro: 'A Markdown file in the Tussenstand format, or a presentation from reveal.js (HedgeDoc), Slidev or Marp. It becomes a new deck.',
  file: 'Markdown file',
  fileHint: 'A .md file of at most 1 MB.',
  noFile: 'Choose a file.',
  tooLarge: 'The file is larger than 1 MB, the most a deck file may be.',
  wrongType: 'Only Markdown files (.md) can be imported.',
  notADeck: 'This file cannot be imported: {{message}}',
  reasons: {
    empty: 'the file is empty.',
    binary: 'this is not a text file.',
    noContent: 'none of its slides has any content.',
  },
  submit: 'Import',
  busy: 'Importing…',
  cancel: 'Cancel',
};
