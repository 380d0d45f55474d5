/**
 * Remote images at import (issue #14): `remoteImages=fetch` stores a copy of each, once;
 * loopback and private hosts are refused unless the test-only config flag allows them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_IMAGE_BYTES } from '../../shared/images.ts';
import type { ApiClient } from '../helpers/apiClient.ts';
import { serverFixture } from '../helpers/serverFixture.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 3)]);
const importDeck = (api: ApiClient, markdown: string, query: string) => api.request('POST', `/api/decks/import${query}`, markdown, { 'content-type': 'text/markdown' });

const hits = new Map<string, number>();
let base = '';
let imageHost: http.Server;
beforeAll(async () => {
  imageHost = http.createServer((req, res) => {
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
    if (req.url === '/chart.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (req.url === '/page.png') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>not an image</p>');
    if (req.url === '/huge.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => imageHost.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(imageHost.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => imageHost.close(() => resolve())));

const noticesOf = (body: { report: { notices: { code: string; detail?: string; slide?: number }[] } }, code: string) => body.report.notices.filter((n) => n.code === code);

describe('remoteImages=fetch with private hosts allowed (the test-only flag)', () => {
  const fx = serverFixture({ allowPrivateImageHosts: true });

  test('each remote image is fetched once, stored for the new deck and served from /api/images/:id', async () => {
    hits.clear();
    const markdown = `# Met beeld\n\n![grafiek](${base}/chart.png)\n\n---\n\n# Nog eens\n\n![zelfde](${base}/chart.png)\n`;
    const res = await importDeck(fx.api, markdown, '?remoteImages=fetch');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(hits.get('/chart.png')).toBe(1);
    expect(noticesOf(res.body, 'remote-image-fetched').map((n) => n.slide)).toEqual([1, 2]);
    const exported = (await fx.api.get(`/api/decks/${res.body.id}/export.md`)).body as string;
    expect(exported).not.toContain(base);
    const paths = [...exported.matchAll(/\/api\/images\/([A-Za-z0-9_-]+)/g)].map((m) => m[0]);
    expect(new Set(paths).size).toBe(1);
    const image = await fetch(`${fx.s.url}${paths[0]}`, { headers: { cookie: fx.api.cookie! } });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
  });

  test('content that is not an image, and an image over MAX_IMAGE_BYTES, are refused and kept as remote placeholders', async () => {
    const markdown = `# Mis\n\n![pagina](${base}/page.png)\n\n![groot](${base}/huge.png)\n\n![weg](${base}/missing.png)\n`;
    const res = await importDeck(fx.api, markdown, '?remoteImages=fetch');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const failed = noticesOf(res.body, 'remote-image-failed').map((n) => n.detail);
    expect(failed).toEqual([
      `${base}/page.png: not a PNG, JPEG, GIF or WebP image`,
      `${base}/huge.png: larger than ${MAX_IMAGE_BYTES} bytes (MAX_IMAGE_BYTES)`,
      `${base}/missing.png: the server answered 404`,
    ]);
    const exported = (await fx.api.get(`/api/decks/${res.body.id}/export.md`)).body as string;
    for (const name of ['page', 'huge', 'missing']) expect(exported).toContain(`${base}/${name}.png`);
  });

  test('placeholder (the default) fetches nothing and says so per image; a dry run fetches nothing either', async () => {
    hits.clear();
    const markdown = `# Plaats\n\n![grafiek](${base}/chart.png)\n`;
    const placeholder = await importDeck(fx.api, markdown, '');
    expect(placeholder.status).toBe(201);
    expect(noticesOf(placeholder.body, 'remote-image-placeholder')).toEqual([expect.objectContaining({ slide: 1, detail: `${base}/chart.png` })]);
    const dry = await importDeck(fx.api, markdown, '?dryRun=true&remoteImages=fetch');
    expect(dry.status).toBe(200);
    expect(dry.body.report.remoteImages).toEqual([{ url: `${base}/chart.png`, slide: 1, alt: 'grafiek' }]);
    expect(hits.size).toBe(0);
  });
});

describe('remoteImages=fetch on a default (strict) server', () => {
  const fx = serverFixture();

  test('refuses 127.0.0.1, localhost, [::1], 10.x and 169.254.x: notice remote-image-failed, the remote address kept', async () => {
    hits.clear();
    const port = new URL(base).port;
    const urls = [`${base}/chart.png`, `http://localhost:${port}/chart.png`, `http://[::1]:${port}/chart.png`, 'http://10.1.2.3/chart.png', 'http://169.254.169.254/latest/chart.png'];
    const markdown = `# Intern\n\n${urls.map((u, i) => `![${i}](${u})`).join('\n\n')}\n`;
    const res = await importDeck(fx.api, markdown, '?remoteImages=fetch');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const failed = noticesOf(res.body, 'remote-image-failed');
    expect(failed.map((n) => n.detail!.split(': ')[0])).toEqual(urls);
    for (const n of failed) expect(n.detail).toContain('refused');
    expect(hits.size).toBe(0);
    const exported = (await fx.api.get(`/api/decks/${res.body.id}/export.md`)).body as string;
    for (const u of urls) expect(exported).toContain(u);
  });
});
