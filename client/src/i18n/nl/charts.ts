/** Dutch strings, namespace `charts`: the same keys as ../en/charts.ts (the type enforces it).
 *
 * Only the viewer's interface around a chart: the editor's chart controls and what the app
 * is doing (loading, reconnecting, refused, unavailable). Words drawn on the chart itself —
 * titles, categories, column headings, "Total", "no data yet", the frozen caption — are
 * slide content in the deck's language and live in shared/statLabels.ts.
 */
import type { Translations } from '../en.ts';

export const charts: Translations['charts'] = {
  statistic: 'Statistiek',
  view: 'Weergave',
  views: {
    bar: 'Staafdiagram',
    line: 'Lijndiagram',
    pie: 'Cirkeldiagram',
    number: 'Getal',
    table: 'Tabel',
    stackedBar: 'Gestapeld staafdiagram',
  },
  controls: 'Instellingen van de grafiek',
  freeze: 'Waarden bevriezen',
  unfreeze: 'Weer live maken',
  live: 'Live',
  loading: 'laden',
  notAvailable: 'niet beschikbaar',
  unavailable: 'Live cijfers zijn niet beschikbaar: {{reason}}',
  reconnecting: 'Opnieuw verbinden met de live cijfers…',
  refused: 'De server stuurde deze statistiek niet: {{message}}',
  settings: {
    open: 'Grafiekinstellingen',
    close: 'Grafiekinstellingen sluiten',
    titleGroup: 'Titel',
    title: 'Titel',
    titleHint: 'Leeg: de naam van de statistiek ({{name}})',
    hideTitle: 'Titel verbergen',
    palette: 'Kleuren',
    palettes: {
      theme: 'Kleuren van het thema',
      blue: 'Beginnend met blauw',
      orange: 'Beginnend met oranje',
      green: 'Beginnend met groen',
      pink: 'Beginnend met roze',
      purple: 'Beginnend met paars',
      olive: 'Beginnend met olijfgroen',
      red: 'Beginnend met rood',
    },
    axisTitles: 'Astitels tonen',
    xTitle: 'Titel horizontale as',
    yTitle: 'Titel verticale as',
    period: 'Periode',
    from: 'Vanaf maand',
    to: 'Tot en met maand',
    allMonths: 'Alle maanden',
    periodHint: 'Alleen de maanden van … tot en met … worden getekend.',
  },
};
