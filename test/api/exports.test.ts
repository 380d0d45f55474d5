import { afterEach, describe, expect, test } from 'vitest';
import { ApiClient } from '../helpers/apiClient.ts';
import { newDeck } from '../helpers/decks.ts';
import { serverFixture } from '../helpers/serverFixture.ts';

describe('deck exports: refusals', () => {
  const fx = serverFixture();
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  test('without a browser on the server: 503 with a message that says what to install', async () => {
    const deckId = await newDeck(fx.api);
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const job = await fx.api.post(`/api/decks/${deckId}/exports`, { format: 'pdf' });
    expect(job.status).toBe(503);
    expect(job.body.error).toBe('no-browser');
    expect(job.body.message).toContain('apt-get install -y chromium');
    expect((await fx.api.get(`/api/decks/${deckId}/export.pdf`)).status).toBe(503);
  });

  test('exports need a session, a real deck and a known format', async () => {
    const deckId = await newDeck(fx.api);
    expect((await new ApiClient(fx.s.url).post(`/api/decks/${deckId}/exports`, { format: 'pdf' })).status).toBe(401);
    expect((await fx.api.post('/api/decks/nosuchdeck00/exports', { format: 'pdf' })).status).toBe(404);
    const bad = await fx.api.post(`/api/decks/${deckId}/exports`, { format: 'docx' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('format');
    expect((await fx.api.get('/api/exports/nosuchjob')).status).toBe(404);
  });
});
