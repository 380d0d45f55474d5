/** English strings, namespace `app`. */
export const app = {
  name: 'Tussenstand',
  tagline: 'Interim briefings',
  skipToContent: 'Skip to content',
  loading: 'Loading…',
  pageTitle: '{{page}} · Tussenstand',
};
