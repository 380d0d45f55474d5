/**
 * The built client as the server sends it (server/http/clientFiles.ts): the precompressed
 * variant the request accepts, with the headers a browser and a shared cache need, the
 * decoded bytes equal to the file, and nothing outside the client directory.
 *
 * Requests go through node:http, not fetch: fetch decodes bodies and normalises paths,
 * and both are what is under test here.
 */
import { CLIENT_ROOT, FILES, SECRET, fixtureBytes, releaseClientFixture, writeClientFixture } from './compressedClientFixture.ts';
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

let s: TestServer;

beforeAll(async () => {
  await writeClientFixture();
  s = await startTestServer({ serveClient: true });
});
afterAll(async () => {
  await s?.close();
  releaseClientFixture();
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request with exactly this path (no normalisation) and these headers; the body as sent. */
function raw(urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  const { hostname, port } = new URL(s.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: urlPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const CHROME = 'gzip, deflate, br, zstd';

function decoded(res: RawResponse): Buffer {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.body);
  if (encoding === 'gzip') return zlib.gunzipSync(res.body);
  expect(encoding).toBeUndefined();
  return res.body;
}

function expectVaryAcceptEncoding(res: RawResponse): void {
  const vary = String(res.headers.vary ?? '').toLowerCase().split(/\s*,\s*/);
  expect(vary).toContain('accept-encoding');
}

describe('Accept-Encoding negotiation', () => {
  const cases: { name: string; accept: string | null; path: string; encoding: 'br' | 'gzip' | null }[] = [
    { name: "a browser's header gets brotli", accept: CHROME, path: FILES.script, encoding: 'br' },
    { name: 'gzip alone gets gzip', accept: 'gzip', path: FILES.script, encoding: 'gzip' },
    { name: 'br;q=0 refuses brotli', accept: 'br;q=0, gzip', path: FILES.script, encoding: 'gzip' },
    { name: 'a higher q for gzip wins over our preference', accept: 'br;q=0.5, gzip;q=1', path: FILES.script, encoding: 'gzip' },
    { name: 'both refused: the file itself', accept: 'br;q=0, gzip;q=0', path: FILES.script, encoding: null },
    { name: '*;q=0 refuses every encoding', accept: '*;q=0', path: FILES.script, encoding: null },
    { name: 'identity only: the file itself', accept: 'identity', path: FILES.script, encoding: null },
    { name: 'no Accept-Encoding: the file itself', accept: null, path: FILES.script, encoding: null },
    { name: 'a missing .br falls back to gzip', accept: CHROME, path: FILES.gzipOnly, encoding: 'gzip' },
    { name: 'a file without variants is sent as it is', accept: CHROME, path: FILES.plain, encoding: null },
    { name: 'stylesheets are compressed', accept: CHROME, path: FILES.style, encoding: 'br' },
    { name: 'the favicon (SVG) is compressed', accept: 'gzip', path: FILES.icon, encoding: 'gzip' },
    { name: 'woff2 (compressed already) is never re-encoded', accept: CHROME, path: FILES.font, encoding: null },
  ];
  for (const c of cases) {
    test(`${c.name} (${c.accept ?? 'none'} → ${c.encoding ?? 'identity'})`, async () => {
      const res = await raw(c.path, c.accept === null ? {} : { 'accept-encoding': c.accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(c.encoding ?? undefined);
      expectVaryAcceptEncoding(res);
      // Length of the bytes on the wire, which are the variant's file.
      const suffix = c.encoding === 'br' ? '.br' : c.encoding === 'gzip' ? '.gz' : '';
      expect(res.body.equals(fixtureBytes(c.path, suffix))).toBe(true);
      expect(Number(res.headers['content-length'])).toBe(res.body.byteLength);
      // What the browser ends up with is the file, byte for byte.
      expect(decoded(res).equals(fixtureBytes(c.path))).toBe(true);
      if (c.encoding) expect(res.body.byteLength).toBeLessThan(fixtureBytes(c.path).byteLength);
    });
  }

  test('the type is that of the file, not of its encoding', async () => {
    expect((await raw(FILES.script, { 'accept-encoding': 'br' })).headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect((await raw(FILES.style, { 'accept-encoding': 'gzip' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw(FILES.icon, { 'accept-encoding': 'br' })).headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect((await raw(FILES.font, { 'accept-encoding': 'br' })).headers['content-type']).toBe('font/woff2');
  });

  test('each encoding has its own ETag, and revalidates against it', async () => {
    const br = await raw(FILES.script, { 'accept-encoding': 'br' });
    const plain = await raw(FILES.script);
    expect(br.headers.etag).toBeTruthy();
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const again = await raw(FILES.script, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    // The brotli ETag does not validate the identity form: a full 200.
    const other = await raw(FILES.script, { 'if-none-match': br.headers.etag! });
    expect(other.status).toBe(200);
    expect(other.body.equals(fixtureBytes(FILES.script))).toBe(true);
  });

  test('HEAD carries the same headers as GET, and no body', async () => {
    for (const accept of ['br', 'gzip', 'identity']) {
      const get = await raw(FILES.script, { 'accept-encoding': accept });
      const head = await raw(FILES.script, { 'accept-encoding': accept }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.byteLength).toBe(0);
      for (const h of ['content-encoding', 'content-length', 'content-type', 'etag', 'cache-control', 'vary']) expect(head.headers[h], `${accept} ${h}`).toBe(get.headers[h]);
    }
  });

  test('a byte range is a range of the bytes sent (the encoded form when encoded)', async () => {
    const plain = await raw(FILES.script, { range: 'bytes=10-29' });
    expect(plain.status).toBe(206);
    expect(plain.headers['content-range']).toBe(`bytes 10-29/${fixtureBytes(FILES.script).byteLength}`);
    expect(plain.body.equals(fixtureBytes(FILES.script).subarray(10, 30))).toBe(true);
    const br = await raw(FILES.script, { range: 'bytes=0-9', 'accept-encoding': 'br' });
    expect(br.status).toBe(206);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-range']).toBe(`bytes 0-9/${fixtureBytes(FILES.script, '.br').byteLength}`);
    expect(br.body.equals(fixtureBytes(FILES.script, '.br').subarray(0, 10))).toBe(true);
  });
});

describe('caching', () => {
  test('hashed assets are immutable for a year, in every encoding', async () => {
    for (const p of [FILES.script, FILES.gzipOnly, FILES.plain, FILES.style, FILES.font]) {
      for (const accept of [CHROME, 'identity']) {
        expect((await raw(p, { 'accept-encoding': accept })).headers['cache-control'], `${p} ${accept}`).toBe('public, max-age=31536000, immutable');
      }
    }
  });

  test('index.html, the SPA routes and the favicon are revalidated every time', async () => {
    for (const p of [FILES.index, '/', '/decks/abc/present', FILES.icon]) {
      const res = await raw(p, { 'accept-encoding': CHROME });
      expect(res.status, p).toBe(200);
      expect(res.headers['cache-control'], p).toBe('no-cache');
    }
    // The attendee page may carry the live slide ([AU13]): never stored, by anyone.
    const attendee = await raw('/v/some-token', { 'accept-encoding': CHROME });
    expect(attendee.status).toBe(200);
    expect(attendee.headers['cache-control']).toBe('no-store');
  });

  test('an SPA route is index.html, negotiated like the file', async () => {
    for (const accept of [CHROME, 'gzip', 'identity']) {
      const res = await raw('/v/some-token?x=1', { 'accept-encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8$/i);
      expectVaryAcceptEncoding(res);
      expect(decoded(res).equals(fixtureBytes(FILES.index))).toBe(true);
    }
    const head = await raw('/v/some-token', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.byteLength).toBe(0);
  });
});

describe('paths', () => {
  test('the encoded variants are not served under their own names', async () => {
    for (const p of [`${FILES.script}.br`, `${FILES.script}.gz`, `${FILES.index}.br`, `${FILES.icon}.gz`]) {
      for (const accept of [CHROME, 'identity']) {
        const res = await raw(p, { 'accept-encoding': accept });
        expect(res.status, p).toBe(404);
        expect(res.headers['content-encoding']).toBeUndefined();
      }
    }
  });

  test('nothing outside the client directory is reachable', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
      `/..${CLIENT_ROOT}/../secret.txt`,
      '//etc/passwd',
      '/assets/....//....//secret.txt',
    ];
    for (const p of attempts) {
      for (const accept of [CHROME, 'identity']) {
        const res = await raw(p, { 'accept-encoding': accept });
        expect(res.status, p).toBeLessThan(500);
        expect(decoded(res).toString('latin1'), p).not.toContain(SECRET);
        expect(decoded(res).toString('latin1'), p).not.toContain('root:');
      }
    }
  });

  test('a malformed escape is a 400, and the server keeps serving', async () => {
    const res = await raw('/%E0%A4%A');
    expect(res.status).toBe(400);
    expect((await raw(FILES.script, { 'accept-encoding': 'br' })).status).toBe(200);
  });

  test('API paths are never the page', async () => {
    const res = await raw('/api/no-such-route', { 'accept-encoding': CHROME });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});
