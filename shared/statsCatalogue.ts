/**
 * The statistics a chart can show, computed from the research log. Keys are part of the
 * deck format (a chart names its key), so a key is never renamed or reused.
 */
export type StatKind = 'number' | 'series';
/** How a series' labels are read, so the UI can translate or format them. */
export type SeriesLabels = 'month' | 'organisationKind' | 'damoclesStatus' | 'track' | 'audience';

export interface StatDefinition {
  key: string;
  label: { nl: string; en: string };
  /** What is counted, for axis titles and screen readers. */
  unit: { nl: string; en: string };
  kind: StatKind;
  seriesLabels?: SeriesLabels;
  /** A series whose points are broken down by a second dimension (each point has `parts`): how the parts' labels read. */
  stackLabels?: SeriesLabels;
  description: { nl: string; en: string };
}

export interface SeriesPoint {
  label: string;
  value: number;
  /** Only for a statistic with `stackLabels`: the point's value split by the second dimension (the parts add up to `value`). */
  parts?: { label: string; value: number }[];
}
export type StatValue = number | SeriesPoint[];

const unit = (nl: string, en: string) => ({ nl, en });

export const STAT_CATALOGUE: readonly StatDefinition[] = [
  {
    key: 'interviews.total',
    label: { nl: 'Interviews', en: 'Interviews' },
    unit: unit('interviews', 'interviews'),
    kind: 'number',
    description: { nl: 'Aantal gehouden interviews', en: 'Number of interviews held' },
  },
  {
    key: 'interviews.byMonth',
    label: { nl: 'Interviews per maand', en: 'Interviews per month' },
    unit: unit('interviews', 'interviews'),
    kind: 'series',
    seriesLabels: 'month',
    description: { nl: 'Interviews per kalendermaand, van het eerste tot het laatste', en: 'Interviews per calendar month, from the first to the last' },
  },
  {
    key: 'interviews.byMonthAndTrack',
    label: { nl: 'Interviews per maand en spoor', en: 'Interviews per month by track' },
    unit: unit('interviews', 'interviews'),
    kind: 'series',
    seriesLabels: 'month',
    stackLabels: 'track',
    description: { nl: 'Interviews per kalendermaand, uitgesplitst naar spoor van IIPSy', en: 'Interviews per calendar month, split by IIPSy track' },
  },
  {
    key: 'staff.interviewed',
    label: { nl: 'Medewerkers gesproken', en: 'Staff interviewed' },
    unit: unit('medewerkers', 'staff'),
    kind: 'number',
    description: { nl: 'Medewerkers die aan interviews bijdroegen', en: 'Staff who contributed to interviews' },
  },
  {
    key: 'organisations.total',
    label: { nl: 'Organisaties gesproken', en: 'Organisations interviewed' },
    unit: unit('organisaties', 'organisations'),
    kind: 'number',
    description: { nl: 'Organisaties met ten minste één interview', en: 'Organisations with at least one interview' },
  },
  {
    key: 'organisations.nonPartner',
    label: { nl: 'Niet-RIEC-partners gesproken', en: 'Non-partners interviewed' },
    unit: unit('organisaties', 'organisations'),
    kind: 'number',
    description: { nl: 'Gesproken organisaties buiten het RIEC-convenant (publiek, privaat, andere RIEC’s)', en: 'Interviewed organisations outside the RIEC covenant (public, private, other RIECs)' },
  },
  {
    key: 'organisations.byKind',
    label: { nl: 'Gesproken organisaties per soort', en: 'Organisations interviewed by kind' },
    unit: unit('organisaties', 'organisations'),
    kind: 'series',
    seriesLabels: 'organisationKind',
    description: { nl: 'Gesproken organisaties naar soort', en: 'Interviewed organisations by kind' },
  },
  {
    key: 'damocles.byStatus',
    label: { nl: 'Damoclesbeleid per status', en: 'Damocles policy by status' },
    unit: unit('gemeenten', 'municipalities'),
    kind: 'series',
    seriesLabels: 'damoclesStatus',
    description: { nl: 'Laatste status van het Damoclesbeleid per gemeente', en: 'Latest Damocles policy status per municipality' },
  },
  {
    key: 'agreements.total',
    label: { nl: 'Werkafspraken', en: 'Work agreements' },
    unit: unit('afspraken', 'agreements'),
    kind: 'number',
    description: { nl: 'Gemaakte werkafspraken met partners', en: 'Work agreements made with partners' },
  },
  {
    key: 'agreements.byTrack',
    label: { nl: 'Werkafspraken per spoor', en: 'Work agreements by track' },
    unit: unit('afspraken', 'agreements'),
    kind: 'series',
    seriesLabels: 'track',
    description: { nl: 'Werkafspraken per spoor van IIPSy', en: 'Work agreements per IIPSy track' },
  },
  {
    key: 'presentations.total',
    label: { nl: 'Tussentijdse presentaties', en: 'Interim presentations' },
    unit: unit('presentaties', 'presentations'),
    kind: 'number',
    description: { nl: 'Gegeven presentaties aan team, OM en partners', en: 'Presentations given to the team, the OM and partners' },
  },
  {
    key: 'presentations.byAudience',
    label: { nl: 'Presentaties per publiek', en: 'Presentations by audience' },
    unit: unit('presentaties', 'presentations'),
    kind: 'series',
    seriesLabels: 'audience',
    description: { nl: 'Presentaties naar publiek', en: 'Presentations by audience' },
  },
  {
    key: 'factsheets.total',
    label: { nl: 'Factsheets', en: 'Factsheets' },
    unit: unit('factsheets', 'factsheets'),
    kind: 'number',
    description: { nl: 'Verspreide halfjaarlijkse factsheets', en: 'Half-yearly factsheets sent out' },
  },
];

export const STAT_KEYS: ReadonlySet<string> = new Set(STAT_CATALOGUE.map((s) => s.key));

export function statDefinition(key: string): StatDefinition | undefined {
  return STAT_CATALOGUE.find((s) => s.key === key);
}
