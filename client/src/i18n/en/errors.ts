/** English strings, namespace `errors`. */
export const errors = {
  network: 'The server cannot be reached. Check your connection and try again.',
  notFound: 'Not found.',
  forbidden: 'You are not allowed to do this.',
  validation: 'Please check what you entered.',
  server: 'Something went wrong on the server. Try again later.',
  unknown: 'Something went wrong.',
};
