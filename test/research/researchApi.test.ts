import { describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { serverFixture } from '../helpers/serverFixture.ts';

async function postCsv(api: ApiClient, kind: string, csv: string, dryRun = false) {
  return api.request('POST', `/api/research/import?kind=${kind}${dryRun ? '&dryRun=1' : ''}`, csv, { 'content-type': 'text/csv' });
}

describe('research log API', () => {
  const fx = serverFixture();

  test('the seeded log is there: 53 organisations including 34 municipalities', async () => {
    const orgs = (await fx.api.get('/api/research/organisations')).body.records as { kind: string }[];
    expect(orgs).toHaveLength(53);
    expect(orgs.filter((o) => o.kind === 'municipality')).toHaveLength(34);
    expect((await fx.api.get('/api/research/damocles')).body.records).toHaveLength(34);
  });

  test('without a session every research route is 401', async () => {
    const anon = new ApiClient(fx.s.url);
    expect((await anon.get('/api/research/interviews')).status).toBe(401);
    expect((await anon.post('/api/research/organisations', { name: 'X', kind: 'public' })).status).toBe(401);
    expect((await anon.get('/api/research/interviews/export.csv')).status).toBe(401);
    expect((await anon.get('/api/research/audit')).status).toBe(401);
    expect((await anon.get('/api/stats')).status).toBe(401);
  });

  test('create, update and delete an organisation and an interview exactly as documented', async () => {
    const org = await fx.api.post('/api/research/organisations', { name: 'Waterschap Test', kind: 'public' });
    expect(org.status).toBe(201);
    expect(org.body).toMatchObject({ id: expect.any(String), name: 'Waterschap Test', kind: 'public' });
    const interview = await fx.api.post('/api/research/interviews', { date: '2026-10-01', organisationId: org.body.id, staff: 3, topic: 'afval' });
    expect(interview.status).toBe(201);
    expect(interview.body).toMatchObject({ id: expect.any(String), date: '2026-10-01', organisationId: org.body.id, staff: 3, track: 3, topic: 'afval' });
    const patched = await fx.api.patch(`/api/research/interviews/${interview.body.id}`, { staff: 4 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ staff: 4, topic: 'afval' });
    // An organisation with interviews cannot be deleted out from under them.
    const blocked = await fx.api.delete(`/api/research/organisations/${org.body.id}`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error).toBe('in-use');
    expect((await fx.api.delete(`/api/research/interviews/${interview.body.id}`)).status).toBe(204);
    expect((await fx.api.delete(`/api/research/organisations/${org.body.id}`)).status).toBe(204);
    expect((await fx.api.delete(`/api/research/organisations/${org.body.id}`)).status).toBe(404);
  });

  test('bad input → 400 naming the fields', async () => {
    const orgs = (await fx.api.get('/api/research/organisations')).body.records as { id: string; kind: string }[];
    const municipality = orgs.find((o) => o.kind === 'municipality')!;
    const partner = orgs.find((o) => o.kind === 'partner')!;
    const cases: [string, unknown, string[]][] = [
      ['organisations', { name: '', kind: 'public' }, ['name']],
      ['organisations', { name: 'X', kind: 'friend' }, ['kind']],
      ['interviews', { date: '2026-13-01', organisationId: municipality.id, staff: 1 }, ['date']],
      ['interviews', { date: '01-10-2026', organisationId: municipality.id, staff: 1 }, ['date']],
      ['interviews', { date: '2026-10-01', organisationId: municipality.id, staff: 0 }, ['staff']],
      ['interviews', { date: '2026-10-01', organisationId: municipality.id, staff: 1.5 }, ['staff']],
      ['interviews', { date: '2026-10-01', organisationId: 'no-such-org', staff: 1 }, ['organisationId']],
      ['interviews', {}, ['date', 'organisationId', 'staff']],
      ['damocles', { organisationId: partner.id, status: 'analysed', date: '2026-01-01' }, ['organisationId']],
      ['damocles', { organisationId: municipality.id, status: 'done', date: '2026-01-01' }, ['status']],
      ['events', { kind: 'presentation', date: '2026-01-01' }, ['audience']],
    ];
    for (const [collection, body, fields] of cases) {
      const res = await fx.api.post(`/api/research/${collection}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toBe('validation');
      expect((res.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(fields.sort());
    }
    expect((await fx.api.post('/api/research/nonsense', {})).status).toBe(400);
    expect((await fx.api.post('/api/research/organisations', { name: 'Alkmaar', kind: 'municipality' })).status).toBe(409);
  });

  test('every change is in the audit trail with who and when', async () => {
    const analyst = await fx.api.post('/api/users', { username: 'fleur', displayName: 'Fleur Jansen', password: 'fleur-password-1', role: 'analyst' });
    expect(analyst.status).toBe(201);
    const fleur = await loggedIn(fx.s.url, 'fleur', 'fleur-password-1');
    const org = await fleur.post('/api/research/organisations', { name: 'Audit BV', kind: 'private' });
    await fleur.patch(`/api/research/organisations/${org.body.id}`, { name: 'Audit B.V.' });
    await fleur.delete(`/api/research/organisations/${org.body.id}`);
    const trail = (await fx.api.get(`/api/research/audit?recordId=${org.body.id}`)).body.entries as { action: string; user: { name: string }; at: string; before: { name: string } | null; after: { name: string } | null }[];
    expect(trail.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    for (const e of trail) {
      expect(e.user.name).toBe('Fleur Jansen');
      expect(Date.parse(e.at)).toBeGreaterThan(Date.now() - 60_000);
    }
    expect(trail[1]!.before!.name).toBe('Audit BV');
    expect(trail[1]!.after!.name).toBe('Audit B.V.');
  });

  test('CSV import is all-or-nothing: one bad row imports nothing and names the rows', async () => {
    const before = (await fx.api.get('/api/research/interviews')).body.records.length as number;
    const csv = ['date,organisation,staff,track,topic', '2026-09-01,Alkmaar,2,3,ok', '2026-09-02,Onbekende Organisatie,1,3,x', '2026-09-03,Hoorn,0,3,y', '2026-09-04,Zaanstad,1,3,ok', '2026-13-05,Nergens,1,3,two problems'].join('\n');
    const res = await postCsv(fx.api, 'interviews', csv);
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('import-invalid');
    expect(res.body.rows).toEqual([
      { row: 2, errors: [{ field: 'organisation', message: expect.stringContaining('unknown organisation') }] },
      { row: 3, errors: [{ field: 'staff', message: expect.any(String) }] },
      // Every problem of a row is reported, not only the first.
      { row: 5, errors: [{ field: 'organisation', message: expect.stringContaining('unknown organisation') }, { field: 'date', message: expect.any(String) }] },
    ]);
    expect((await fx.api.get('/api/research/interviews')).body.records).toHaveLength(before);
    const good = ['date,organisation,staff,track,topic', '2026-09-01,Alkmaar,2,3,import een', '2026-09-04,zaanstad,1,,import twee'].join('\n');
    const preview = await postCsv(fx.api, 'interviews', good, true);
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBe(2);
    expect((await fx.api.get('/api/research/interviews')).body.records).toHaveLength(before);
    const done = await postCsv(fx.api, 'interviews', good);
    expect(done.status).toBe(201);
    expect(done.body.imported).toBe(2);
    expect((await fx.api.get('/api/research/interviews')).body.records).toHaveLength(before + 2);
  });

  test('CSV import refuses missing columns, duplicate names and non-CSV bodies', async () => {
    const missing = await postCsv(fx.api, 'interviews', 'date,staff\n2026-01-01,1');
    expect(missing.status).toBe(400);
    expect((missing.body.fields as { field: string }[]).map((f) => f.field)).toEqual(['organisation']);
    const dupes = await postCsv(fx.api, 'organisations', 'name,kind\nNieuw A,public\nnieuw a,private\nAlkmaar,municipality');
    expect(dupes.status).toBe(422);
    expect((dupes.body.rows as { row: number }[]).map((r) => r.row)).toEqual([2, 3]);
    expect((await postCsv(fx.api, 'interviews', '')).status).toBe(400);
    expect((await postCsv(fx.api, 'interviews', 'date,organisation,staff\n')).status).toBe(422);
    expect((await fx.api.post('/api/research/import?kind=interviews', { not: 'csv' })).status).toBe(415);
    expect((await postCsv(fx.api, 'bogus', 'a,b')).status).toBe(400);
  });

  test('CSV export names organisations, round-trips, and defuses spreadsheet formulas', async () => {
    const org = await fx.api.post('/api/research/organisations', { name: '=HYPERLINK("http://evil")', kind: 'private' });
    expect(org.status).toBe(201);
    await fx.api.post('/api/research/interviews', { date: '2026-08-08', organisationId: org.body.id, staff: 1, topic: '+cmd' });
    const res = await fetch(`${fx.s.url}/api/research/interviews/export.csv`, { headers: { cookie: fx.api.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
    const mine = rows.find((r) => r.date === '2026-08-08')!;
    expect(mine.organisation).toBe(`'=HYPERLINK("http://evil")`);
    expect(mine.topic).toBe(`'+cmd`);
    expect(rows.some((r) => r.organisation === 'Alkmaar')).toBe(true);
  });
});
