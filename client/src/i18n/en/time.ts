/** English strings, namespace `time`. */
export const time = {
  justNow: 'just now',
};
