import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addressProblem, fetchRemoteImage, MAX_REDIRECTS } from './remoteImages.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);

describe('addressProblem: which addresses the server refuses to fetch from', () => {
  test.each([
    '127.0.0.1', '127.255.0.9', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '0.1.2.3',
    '100.64.0.1', '100.127.255.254', '224.0.0.1', '239.255.255.250', '240.0.0.1', '255.255.255.255', '192.0.2.1', '198.18.0.1',
    '::', '::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'febf::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254',
    '64:ff9b::10.0.0.1', '2002:0a00:0001::1', '::127.0.0.1', 'fe80::1%eth0',
  ])('refuses %s', (ip) => expect(addressProblem(ip)).not.toBeNull());

  test.each(['93.184.215.14', '1.1.1.1', '8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '169.253.1.1', '2606:4700::1111', '2a00:1450:4001::200e', '::ffff:93.184.215.14'])(
    'allows the public address %s',
    (ip) => expect(addressProblem(ip)).toBeNull(),
  );

  test('something that is not an address is refused', () => {
    expect(addressProblem('example.com')).not.toBeNull();
    expect(addressProblem('1::2::3')).not.toBeNull();
  });
});

describe('fetchRemoteImage', () => {
  let server: http.Server;
  let base = '';
  let requests = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests++;
      const url = req.url ?? '/';
      if (url === '/ok.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      if (url === '/lies.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end('<html><script>alert(1)</script></html>');
      if (url === '/slow.png') return; // never answers
      if (url === '/big.png') {
        // No content-length: the limit must stop the reading itself.
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(PNG);
        const chunk = Buffer.alloc(64 * 1024);
        let sent = 0;
        const more = (): void => {
          while (sent < 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', more);
          }
          res.end();
        };
        return more();
      }
      const hops = /^\/hop\/(\d+)$/.exec(url);
      if (hops) {
        const n = Number(hops[1]);
        return void res.writeHead(302, { location: n === 0 ? '/ok.png' : `/hop/${n - 1}` }).end();
      }
      if (url === '/to-localhost') return void res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/ok.png` }).end();
      if (url === '/to-metadata') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  const local = { allowPrivate: true };

  test('fetches an image and sniffs its type from the bytes', async () => {
    const got = await fetchRemoteImage(`${base}/ok.png`, local);
    expect(got).toMatchObject({ contentType: 'image/png' });
  });

  test('refuses loopback, private and link-local hosts by default, before connecting (literal or by DNS)', async () => {
    const before = requests;
    const port = new URL(base).port;
    for (const url of [`${base}/ok.png`, `http://localhost:${port}/ok.png`, `http://[::1]:${port}/ok.png`, 'http://10.0.0.1/x.png', 'http://169.254.169.254/x.png', 'http://[::ffff:127.0.0.1]/x.png']) {
      const got = await fetchRemoteImage(url);
      expect(got, url).toMatchObject({ failed: expect.stringContaining('refused') });
    }
    expect(requests).toBe(before);
  });

  test('refuses other schemes', async () => {
    expect(await fetchRemoteImage('ftp://example.com/x.png')).toMatchObject({ failed: expect.stringContaining('only http and https') });
    expect(await fetchRemoteImage('file:///etc/passwd')).toMatchObject({ failed: expect.stringContaining('only http and https') });
  });

  test('a redirect is checked like the first address (literal or by DNS)', async () => {
    const before = requests;
    // The first hop (127.0.0.1) is exempted; where it redirects to is not.
    const firstHopOnly = { exemptHosts: ['127.0.0.1'] };
    expect(await fetchRemoteImage(`${base}/to-metadata`, firstHopOnly)).toMatchObject({ failed: 'refused: 169.254.169.254 is a link-local address' });
    expect(await fetchRemoteImage(`${base}/to-localhost`, firstHopOnly)).toMatchObject({ failed: expect.stringMatching(/^refused: localhost resolves to .*loopback/) });
    expect(requests - before).toBe(2);
    // With private hosts allowed (tests), the redirect target is still checked for its scheme and followed at most MAX_REDIRECTS times.
    expect(await fetchRemoteImage(`${base}/hop/${MAX_REDIRECTS - 1}`, local)).toMatchObject({ contentType: 'image/png' });
    expect(await fetchRemoteImage(`${base}/hop/${MAX_REDIRECTS}`, local)).toMatchObject({ failed: `more than ${MAX_REDIRECTS} redirects` });
  });

  test('refuses content that is not an image, whatever its content type says', async () => {
    expect(await fetchRemoteImage(`${base}/lies.png`, local)).toMatchObject({ failed: 'not a PNG, JPEG, GIF or WebP image' });
  });

  test('stops reading at the size limit', async () => {
    expect(await fetchRemoteImage(`${base}/big.png`, { ...local, maxBytes: 100_000 })).toMatchObject({ failed: expect.stringContaining('larger than 100000 bytes') });
  });

  test('gives up after the timeout', async () => {
    const t0 = Date.now();
    expect(await fetchRemoteImage(`${base}/slow.png`, { ...local, timeoutMs: 300 })).toMatchObject({ failed: 'no answer within 0.3 s' });
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  test('a missing image is a failure with the status', async () => {
    expect(await fetchRemoteImage(`${base}/nope.png`, local)).toMatchObject({ failed: 'the server answered 404' });
  });
});
