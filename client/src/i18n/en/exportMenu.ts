/** English strings, namespace `exportMenu`. */
export const exportMenu = {
  button: 'Export',
  buttonFor: 'Export: {{title}}',
  intro: 'Download the deck as it is now.',
  kinds: {
    md: 'Markdown (.md)',
    pptx: 'PowerPoint (.pptx)',
    pdf: 'PDF',
    pdfNotes: 'PDF with speaker notes',
    html: 'HTML (web page)',
  },
  preparing: 'Preparing: {{kind}}…',
  progress: 'Progress: {{kind}}',
  done: '{{kind}} is ready and is being downloaded.',
  downloadAgain: 'Download again',
  failed: 'The export failed. Try again.',
  failedBecause: 'The export failed: {{message}}',
  noBrowser: 'PDF and HTML cannot be made on this server: {{message}}',
};
