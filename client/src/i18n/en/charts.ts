/** English strings, namespace `charts`.
 *
 * Only the viewer's interface around a chart: the editor's chart controls and what the app
 * is doing (loading, reconnecting, refused, unavailable). Words drawn on the chart itself —
 * titles, categories, column headings, "Total", "no data yet", the frozen caption — are
 * slide content in the deck's language and live in shared/statLabels.ts.
 */
export const charts = {
  statistic: 'Statistic',
  view: 'View',
  views: {
    bar: 'Bar chart',
    line: 'Line chart',
    pie: 'Pie chart',
    number: 'Number',
    table: 'Table',
    stackedBar: 'Stacked bar chart',
  },
  controls: 'Chart settings',
  freeze: 'Freeze values',
  unfreeze: 'Make live again',
  live: 'Live',
  loading: 'loading',
  notAvailable: 'not available',
  unavailable: 'Live figures are not available: {{reason}}',
  reconnecting: 'Reconnecting to the live figures…',
  refused: 'The server did not send this statistic: {{message}}',
  settings: {
    open: 'Chart settings',
    close: 'Close chart settings',
    titleGroup: 'Title',
    title: 'Title',
    titleHint: 'Empty: the statistic’s name ({{name}})',
    hideTitle: 'Hide title',
    palette: 'Colours',
    palettes: {
      theme: 'Theme colours',
      blue: 'Starting with blue',
      orange: 'Starting with orange',
      green: 'Starting with green',
      pink: 'Starting with pink',
      purple: 'Starting with purple',
      olive: 'Starting with olive',
      red: 'Starting with red',
    },
    axisTitles: 'Show axis titles',
    xTitle: 'Horizontal axis title',
    yTitle: 'Vertical axis title',
    period: 'Period',
    from: 'From month',
    to: 'To month',
    allMonths: 'All months',
    periodHint: 'Only the months from … to … are drawn.',
  },
};
