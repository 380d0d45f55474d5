import { describe, expect, test } from 'vitest';
import { computeStats, type ResearchData } from './computeStats.ts';

const at = '2026-01-01T00:00:00.000Z';
const org = (id: string, kind: ResearchData['organisations'][number]['kind']) => ({ id, name: id, kind, createdAt: at, updatedAt: at });
const interview = (organisationId: string, date: string, staff: number) => ({ id: `${organisationId}-${date}`, organisationId, date, staff, track: 3, topic: '', createdAt: at, updatedAt: at });

const damocles = (organisationId: string, status: 'not-analysed' | 'analysed' | 'harmonised', date: string) => ({ id: `${organisationId}${date}`, organisationId, status, date, createdAt: at, updatedAt: at });
const agreement = (track: number) => ({ id: `a${track}${Math.random()}`, organisationId: 'x', track, date: '2025-01-01', subject: 's', createdAt: at, updatedAt: at });
const event = (kind: 'presentation' | 'factsheet', audience: 'team' | 'om' | 'partner' | null) => ({ id: `${kind}${audience}${Math.random()}`, kind, audience, date: '2025-01-01', title: '', createdAt: at, updatedAt: at });

function data(partial: Partial<ResearchData>): ResearchData {
  return { organisations: [], interviews: [], damocles: [], agreements: [], events: [], ...partial };
}

describe('computeStats', () => {
  test('an empty log gives zeros and empty series', () => {
    const stats = computeStats(data({}));
    expect(stats['interviews.total']).toBe(0);
    expect(stats['interviews.byMonth']).toEqual([]);
    expect(stats['organisations.total']).toBe(0);
    expect(stats['damocles.byStatus']).toEqual([
      { label: 'not-analysed', value: 0 },
      { label: 'analysed', value: 0 },
      { label: 'harmonised', value: 0 },
    ]);
  });

  test('organisations count once they contributed, and non-partners are public, private and other RIECs', () => {
    const stats = computeStats(
      data({
        organisations: [org('gem', 'municipality'), org('nvwa', 'partner'), org('ws', 'public'), org('liander', 'private'), org('riec', 'riec'), org('idle', 'private')],
        interviews: [interview('gem', '2025-01-10', 2), interview('gem', '2025-03-02', 1), interview('ws', '2025-03-20', 3), interview('liander', '2025-02-01', 1), interview('riec', '2025-01-15', 1), interview('nvwa', '2025-01-16', 2)],
      }),
    );
    expect(stats['interviews.total']).toBe(6);
    expect(stats['staff.interviewed']).toBe(10);
    expect(stats['organisations.total']).toBe(5);
    expect(stats['organisations.nonPartner']).toBe(3);
    expect(stats['organisations.byKind']).toEqual([
      { label: 'municipality', value: 1 },
      { label: 'partner', value: 1 },
      { label: 'public', value: 1 },
      { label: 'private', value: 1 },
      { label: 'riec', value: 1 },
    ]);
    // Months without interviews are shown as zero, from the first to the last.
    expect(stats['interviews.byMonth']).toEqual([
      { label: '2025-01', value: 3 },
      { label: '2025-02', value: 1 },
      { label: '2025-03', value: 2 },
    ]);
  });

  test('interviews per month run across a year boundary', () => {
    const stats = computeStats(data({ organisations: [org('a', 'public')], interviews: [interview('a', '2025-11-30', 1), interview('a', '2026-02-01', 1)] }));
    expect((stats['interviews.byMonth'] as { label: string }[]).map((p) => p.label)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  test('the latest Damocles record per municipality decides; one without a record is not analysed', () => {
    const stats = computeStats(
      data({
        organisations: [org('a', 'municipality'), org('b', 'municipality'), org('c', 'municipality')],
        damocles: [damocles('a', 'analysed', '2025-01-01'), damocles('a', 'harmonised', '2025-06-01'), damocles('b', 'analysed', '2025-02-01')],
      }),
    );
    expect(stats['damocles.byStatus']).toEqual([
      { label: 'not-analysed', value: 1 },
      { label: 'analysed', value: 1 },
      { label: 'harmonised', value: 1 },
    ]);
  });

  test('agreements by track and events by kind and audience', () => {
    const stats = computeStats(data({ agreements: [agreement(1), agreement(1), agreement(3)], events: [event('presentation', 'team'), event('presentation', 'om'), event('factsheet', null)] }));
    expect(stats['agreements.total']).toBe(3);
    expect(stats['agreements.byTrack']).toEqual([
      { label: '1', value: 2 },
      { label: '3', value: 1 },
    ]);
    expect(stats['presentations.total']).toBe(2);
    expect(stats['factsheets.total']).toBe(1);
    expect(stats['presentations.byAudience']).toEqual([
      { label: 'team', value: 1 },
      { label: 'om', value: 1 },
      { label: 'partner', value: 0 },
    ]);
  });
});

const on = (date: string, track: number) => ({ ...interview('a', date, 1), id: `a-${date}-${track}`, track });

describe('interviews per month by track [ST12]', () => {
  test('each month splits its interviews over every track that has one, zeros included; the parts add up to the month', () => {
    const stats = computeStats(data({ organisations: [org('a', 'public')], interviews: [on('2025-01-03', 1), on('2025-01-09', 3), on('2025-01-20', 3), on('2025-03-02', 1)] }));
    expect(stats['interviews.byMonthAndTrack']).toEqual([
      { label: '2025-01', value: 3, parts: [{ label: '1', value: 1 }, { label: '3', value: 2 }] },
      { label: '2025-02', value: 0, parts: [{ label: '1', value: 0 }, { label: '3', value: 0 }] },
      { label: '2025-03', value: 1, parts: [{ label: '1', value: 1 }, { label: '3', value: 0 }] },
    ]);
    expect((stats['interviews.byMonthAndTrack'] as { value: number }[]).map((p) => p.value)).toEqual((stats['interviews.byMonth'] as { value: number }[]).map((p) => p.value));
  });

  test('an empty log gives an empty series', () => {
    expect(computeStats(data({}))['interviews.byMonthAndTrack']).toEqual([]);
  });
});
