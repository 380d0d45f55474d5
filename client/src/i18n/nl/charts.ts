/** Dutch strings, namespace `charts`: the same keys as ../en/charts.ts (the type enforces it). */
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
  },
  controls: 'Instellingen van de grafiek',
  freeze: 'Waarden bevriezen',
  unfreeze: 'Weer live maken',
  frozenNote: 'Zoals gepresenteerd op {{date}}',
  frozenLabel: '{{text}} (zoals gepresenteerd op {{date}})',
  live: 'Live',
  loading: 'laden',
  noData: 'nog geen gegevens',
  notAvailable: 'niet beschikbaar',
  total: 'Totaal',
  unknownStatistic: 'Onbekende statistiek',
  unavailable: 'Live cijfers zijn niet beschikbaar: {{reason}}',
  reconnecting: 'Opnieuw verbinden met de live cijfers…',
  refused: 'De server stuurde deze statistiek niet: {{message}}',
  columns: {
    month: 'Maand',
    organisationKind: 'Soort organisatie',
    damoclesStatus: 'Status',
    track: 'Spoor',
    audience: 'Publiek',
    other: 'Categorie',
  },
  organisationKind: {
    municipality: 'Gemeenten',
    partner: 'Andere RIEC-partners',
    public: 'Publieke niet-partners',
    private: 'Private partijen',
    riec: 'Andere RIEC’s',
  },
  damoclesStatus: {
    'not-analysed': 'Nog niet geanalyseerd',
    analysed: 'Geanalyseerd',
    harmonised: 'Geharmoniseerd',
  },
  track: 'Spoor {{number}}',
  audience: {
    team: 'IIPSy-team',
    om: 'Openbaar Ministerie (OM)',
    partner: 'Partners',
  },
};
