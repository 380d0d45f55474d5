/**
 * Sample research log seeded on first start. It reproduces the published figures of the
 * Spoor 3 research: 52 staff of 25 organisations interviewed, 15 of them not RIEC partners,
 * a Damocles status for all 34 municipalities, work agreements, and bimonthly presentations
 * and half-yearly factsheets over two years. Organisation names are real public bodies or
 * plainly invented; no person is named.
 */
import type { OrganisationKind } from '../../shared/research.ts';
import { newId } from '../auth/tokens.ts';
import type { ResearchValues, Store } from '../storage/Store.ts';

const MUNICIPALITIES = [
  'Alkmaar', 'Bergen', 'Castricum', 'Den Helder', 'Dijk en Waard', 'Drechterland', 'Enkhuizen', 'Heiloo', 'Hollands Kroon',
  'Hoorn', 'Koggenland', 'Medemblik', 'Opmeer', 'Schagen', 'Stede Broec', 'Texel', 'Uitgeest', 'Zaanstad', 'Purmerend',
  'Edam-Volendam', 'Landsmeer', 'Oostzaan', 'Waterland', 'Wormerland', 'Haarlem', 'Heemskerk', 'Beverwijk', 'Velsen',
  'Bloemendaal', 'Heemstede', 'Zandvoort', 'Haarlemmermeer', 'Uithoorn', 'Aalsmeer',
];

/** Organisations besides municipalities; with the six municipalities interviewed, 25 were interviewed. */
const OTHERS: [string, OrganisationKind][] = [
  ['NVWA', 'partner'],
  ['Koninklijke Marechaussee', 'partner'],
  ['Belastingdienst', 'partner'],
  ['Politie eenheid Noord-Holland', 'partner'],
  ['Hoogheemraadschap Hollands Noorderkwartier', 'public'],
  ['Hoogheemraadschap van Rijnland', 'public'],
  ['Waterschap Amstel, Gooi en Vecht', 'public'],
  ['Rijkswaterstaat West-Nederland Noord', 'public'],
  ['Omgevingsdienst Noord-Holland Noord', 'public'],
  ['Staatsbosbeheer Noord-Holland', 'public'],
  ['Liander (netbeheerder)', 'private'],
  ['HVC (huisvuilcentrale)', 'private'],
  ['Afvalverwerker Noordkop (fictief)', 'private'],
  ['Ontmantelingsbedrijf Drugslabs West (fictief)', 'private'],
  ['Transport en Logistiek Nederland', 'private'],
  ['Chemicaliënhandel Zaanstreek (fictief)', 'private'],
  ['RIEC Den Haag', 'riec'],
  ['RIEC Zeeland-West-Brabant', 'riec'],
  ['RIEC Oost-Nederland', 'riec'],
];

/** [organisation, month offset from January 2025, staff] — 31 interviews with 52 staff. */
const INTERVIEWS: [string, number, number][] = [
  ['Alkmaar', 0, 2], ['Politie eenheid Noord-Holland', 0, 3], ['NVWA', 1, 2], ['Hoorn', 1, 1], ['Zaanstad', 2, 2],
  ['Hoogheemraadschap Hollands Noorderkwartier', 2, 2], ['Koninklijke Marechaussee', 3, 1], ['Haarlem', 3, 2], ['Liander (netbeheerder)', 4, 2],
  ['Den Helder', 4, 1], ['HVC (huisvuilcentrale)', 5, 2], ['Belastingdienst', 5, 1], ['Hoogheemraadschap van Rijnland', 6, 1],
  ['Purmerend', 6, 1], ['RIEC Den Haag', 7, 2], ['Waterschap Amstel, Gooi en Vecht', 8, 2], ['Afvalverwerker Noordkop (fictief)', 8, 1],
  ['Rijkswaterstaat West-Nederland Noord', 9, 2], ['Ontmantelingsbedrijf Drugslabs West (fictief)', 10, 3], ['RIEC Zeeland-West-Brabant', 11, 1],
  ['Transport en Logistiek Nederland', 12, 2], ['Omgevingsdienst Noord-Holland Noord', 13, 2], ['RIEC Oost-Nederland', 14, 1],
  ['Chemicaliënhandel Zaanstreek (fictief)', 15, 2], ['Staatsbosbeheer Noord-Holland', 16, 2], ['Politie eenheid Noord-Holland', 17, 2],
  ['Hoogheemraadschap Hollands Noorderkwartier', 18, 1], ['NVWA', 19, 1], ['Zaanstad', 20, 2], ['Liander (netbeheerder)', 21, 1],
  ['Alkmaar', 22, 2],
];

const TOPICS = ['informatiepositie', 'dumpingen van drugsafval', 'verdachte energieafname', 'grondstoffen en precursoren', 'opslag en transport', 'ontmanteling van labs', 'Damoclesbeleid'];

function monthDate(offset: number, day: number): string {
  const year = 2025 + Math.floor(offset / 12);
  const month = (offset % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export async function seedResearchSample(store: Store, userId: string | null): Promise<void> {
  const orgs: ResearchValues<'organisations'>[] = [
    ...MUNICIPALITIES.map((name) => ({ id: newId(), name, kind: 'municipality' as const })),
    ...OTHERS.map(([name, kind]) => ({ id: newId(), name, kind })),
  ];
  const idOf = new Map(orgs.map((o) => [o.name, o.id]));
  const byId = (name: string): string => {
    const id = idOf.get(name);
    if (!id) throw new Error(`sample data names an unknown organisation: ${name}`);
    return id;
  };
  await store.insertResearch('organisations', orgs, userId, 'import');

  await store.insertResearch(
    'interviews',
    INTERVIEWS.map(([name, offset, staff], i) => ({ id: newId(), date: monthDate(offset, 5 + ((i * 7) % 20)), organisationId: byId(name), staff, track: 3, topic: TOPICS[i % TOPICS.length]! })),
    userId,
    'import',
  );

  // Every municipality has a status: the analysis covered all 34, harmonisation is under way.
  await store.insertResearch(
    'damocles',
    MUNICIPALITIES.map((name, i) => ({
      id: newId(),
      organisationId: byId(name),
      status: i % 3 === 0 ? ('harmonised' as const) : i % 7 === 5 ? ('not-analysed' as const) : ('analysed' as const),
      date: monthDate(12 + (i % 9), 10 + (i % 15)),
    })),
    userId,
    'import',
  );

  await store.insertResearch(
    'agreements',
    [
      ['Hoogheemraadschap Hollands Noorderkwartier', 1, 9, 'Melden van dumpingen van drugsafval in sloten'],
      ['Hoogheemraadschap van Rijnland', 1, 11, 'Melden van dumpingen van drugsafval in sloten'],
      ['Waterschap Amstel, Gooi en Vecht', 1, 14, 'Gezamenlijke monitoring van oppervlaktewater'],
      ['Liander (netbeheerder)', 2, 12, 'Signalen van verdacht energieverbruik'],
      ['HVC (huisvuilcentrale)', 2, 16, 'Herkennen van drugsafval bij inzameling'],
      ['Transport en Logistiek Nederland', 3, 18, 'Bewustwording bij chauffeurs over precursoren'],
    ].map(([name, track, offset, subject]) => ({ id: newId(), organisationId: byId(name as string), track: track as number, date: monthDate(offset as number, 20), subject: subject as string })),
    userId,
    'import',
  );

  const events: ResearchValues<'events'>[] = [];
  for (let offset = 1; offset <= 21; offset += 2) {
    events.push({ id: newId(), kind: 'presentation', date: monthDate(offset, 15), audience: offset % 4 === 1 ? 'om' : 'team', title: 'Tussentijdse presentatie' });
  }
  events.push({ id: newId(), kind: 'presentation', date: monthDate(10, 3), audience: 'partner', title: 'Presentatie waterschappen' });
  for (const offset of [5, 11, 17]) events.push({ id: newId(), kind: 'factsheet', date: monthDate(offset, 28), audience: null, title: 'Factsheet IIPSy' });
  await store.insertResearch('events', events, userId, 'import');
}
