/**
 * Computes every statistic in the catalogue from the research log. Pure and small: the
 * server recomputes all of them after each change and pushes only those that differ.
 */
import { DAMOCLES_STATUSES, NON_PARTNER_KINDS, ORGANISATION_KINDS, type CollectionRecords } from './research.ts';
import type { SeriesPoint, StatValue } from './statsCatalogue.ts';

export interface ResearchData {
  organisations: CollectionRecords['organisations'][];
  interviews: CollectionRecords['interviews'][];
  damocles: CollectionRecords['damocles'][];
  agreements: CollectionRecords['agreements'][];
  events: CollectionRecords['events'][];
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

function countBy<T>(items: T[], key: (item: T) => string, order: readonly string[]): SeriesPoint[] {
  const counts = new Map<string, number>(order.map((o) => [o, 0]));
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([label, value]) => ({ label, value }));
}

export function computeStats(data: ResearchData): Record<string, StatValue> {
  const kindOf = new Map(data.organisations.map((o) => [o.id, o.kind]));
  const interviewed = [...new Set(data.interviews.map((i) => i.organisationId))].filter((id) => kindOf.has(id));

  const months = data.interviews.map((i) => i.date.slice(0, 7)).sort();
  const byMonth = months.length === 0 ? [] : monthsBetween(months[0]!, months.at(-1)!).map((label) => ({ label, value: months.filter((m) => m === label).length }));

  // The same months, each split by track: every month names every track that has an interview (zeros included), so the stacks line up.
  const interviewTracks = [...new Set(data.interviews.map((i) => i.track))].sort((a, b) => a - b);
  const byMonthAndTrack = byMonth.map(({ label, value }) => {
    const inMonth = data.interviews.filter((i) => i.date.startsWith(label));
    return { label, value, parts: interviewTracks.map((track) => ({ label: String(track), value: inMonth.filter((i) => i.track === track).length })) };
  });

  // The latest record per municipality decides its status; a municipality without one is not analysed yet.
  const latest = new Map<string, { date: string; status: string; createdAt: string }>();
  for (const d of data.damocles) {
    const prev = latest.get(d.organisationId);
    if (!prev || d.date > prev.date || (d.date === prev.date && d.createdAt > prev.createdAt)) latest.set(d.organisationId, d);
  }
  const municipalities = data.organisations.filter((o) => o.kind === 'municipality');
  const damocles = countBy(municipalities, (m) => latest.get(m.id)?.status ?? 'not-analysed', DAMOCLES_STATUSES);

  const tracks = [...new Set(data.agreements.map((a) => a.track))].sort((a, b) => a - b).map(String);
  const presentations = data.events.filter((e) => e.kind === 'presentation');

  return {
    'interviews.total': data.interviews.length,
    'interviews.byMonth': byMonth,
    'interviews.byMonthAndTrack': byMonthAndTrack,
    'staff.interviewed': data.interviews.reduce((sum, i) => sum + i.staff, 0),
    'organisations.total': interviewed.length,
    'organisations.nonPartner': interviewed.filter((id) => NON_PARTNER_KINDS.includes(kindOf.get(id)!)).length,
    'organisations.byKind': countBy(interviewed, (id) => kindOf.get(id)!, ORGANISATION_KINDS),
    'damocles.byStatus': damocles,
    'agreements.total': data.agreements.length,
    'agreements.byTrack': countBy(data.agreements, (a) => String(a.track), tracks),
    'presentations.total': presentations.length,
    'presentations.byAudience': countBy(presentations, (e) => e.audience ?? 'team', ['team', 'om', 'partner']),
    'factsheets.total': data.events.filter((e) => e.kind === 'factsheet').length,
  };
}

/** Structural equality of two values, to push a statistic only when it changed. */
export function sameStat(a: StatValue | undefined, b: StatValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
