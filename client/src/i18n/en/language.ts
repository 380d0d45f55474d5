/** English strings, namespace `language`. */
export const language = {
  label: 'Language',
  nl: 'Nederlands',
  en: 'English',
};
