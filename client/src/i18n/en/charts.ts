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
};
