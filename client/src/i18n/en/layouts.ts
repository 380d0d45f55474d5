/** English strings, namespace `layouts`. */
export const layouts = {
  title: 'Title slide',
  'title-content': 'Title and content',
  'two-columns': 'Two columns',
  section: 'Section',
  'chart-text': 'Chart and text',
  'big-number': 'Big number',
  quote: 'Quote',
};
