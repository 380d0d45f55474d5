/** English strings, namespace `deckDialog`. */
export const deckDialog = {
  createTitle: 'New deck',
  renameTitle: 'Rename deck',
  titleLabel: 'Title',
  titleHint: 'For example: Tussenstand Spoor 3 — January',
  create: 'Create deck',
  save: 'Save',
  cancel: 'Cancel',
  busy: 'Saving…',
  titleRequired: 'Enter a title.',
};
