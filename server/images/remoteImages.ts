/**
 * Remote images of an imported deck file, fetched once by the server and stored like an
 * upload (POST /api/decks/import?remoteImages=fetch).
 *
 * The server fetches on behalf of whoever uploaded the file, so the file must not be able to
 * make it reach what only the server can reach (SSRF):
 *  - only http and https;
 *  - the host is resolved here and every address it resolves to must be public
 *    (`addressProblem`): no loopback, private, link-local, CGNAT, multicast, reserved ranges,
 *    nor those ranges wrapped in IPv6 (IPv4-mapped, NAT64, 6to4);
 *  - the connection goes to the address that was checked (a custom `lookup`), so a second
 *    DNS answer cannot swap in another (DNS rebinding); IP literals are checked directly;
 *  - at most MAX_REDIRECTS redirects, each checked the same way; the whole fetch within
 *    REMOTE_IMAGE_TIMEOUT_MS; at most MAX_IMAGE_BYTES read (reading stops there);
 *  - the bytes must sniff as one of IMAGE_TYPES, whatever the response's content type says.
 * `allowPrivate` (and `exemptHosts`, per host name) lift only the address check; they exist
 * for tests (config.allowPrivateImageHosts).
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { ImageType } from '../../shared/images.ts';
import { MAX_IMAGE_BYTES } from '../../shared/images.ts';
import { REMOTE_IMAGE_TIMEOUT_MS } from '../../shared/limits.ts';
import { sniffImage } from './sniffImage.ts';

export const MAX_REDIRECTS = 3;
/** Remote images fetched at the same time during one import. */
const PARALLEL_FETCHES = 4;

export interface RemoteImageOptions {
  /** Tests only: allow loopback and private addresses (a local HTTP server). */
  allowPrivate?: boolean;
  /** Tests only: host names (as in the URL) exempt from the address check, e.g. the first hop of a redirect test. */
  exemptHosts?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
}

export type FetchedImage = { data: Buffer; contentType: ImageType } | { failed: string };

/* ---- Addresses ---- */

function ipv4Problem(ip: string): string | null {
  const [a, b, c] = ip.split('.').map(Number) as [number, number, number, number];
  if (a === 0) return 'a "this network" address (0.0.0.0/8)';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 127) return 'a loopback address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 100 && b >= 64 && b <= 127) return 'a shared (CGNAT) address';
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return 'a reserved address';
  if ((a === 198 && (b === 18 || b === 19)) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'a reserved address';
  if (a >= 224 && a <= 239) return 'a multicast address';
  if (a >= 240) return 'a reserved address';
  return null;
}

/** The eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail included). */
function ipv6Groups(ip: string): number[] | null {
  let text = ip.split('%')[0]!.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array<string>(Math.max(0, fill)).fill('0'), ...tail].map((g) => Number.parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

const v4From = (hi: number, lo: number): string => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

/** Why the server must not connect to `ip`, or null for a public address. */
export function addressProblem(ip: string): string | null {
  const kind = net.isIP(ip.split('%')[0]!);
  if (kind === 4) return ipv4Problem(ip);
  if (kind !== 6) return 'not an IP address';
  const g = ipv6Groups(ip);
  if (!g) return 'not an IP address';
  const zeroUpTo = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'the unspecified address (::)';
  if (zeroUpTo(7) && g[7] === 1) return 'a loopback address';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d): judge the IPv4 inside.
  if (zeroUpTo(5) && g[5] === 0xffff) return ipv4Problem(v4From(g[6]!, g[7]!));
  if (zeroUpTo(6)) return ipv4Problem(v4From(g[6]!, g[7]!)) ?? 'an IPv4-compatible address';
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return ipv4Problem(v4From(g[6]!, g[7]!));
  // 6to4 (2002:a.b.c.d::/48) carries an IPv4 address in groups 1-2.
  if (g[0] === 0x2002) return ipv4Problem(v4From(g[1]!, g[2]!));
  if ((g[0]! & 0xfe00) === 0xfc00) return 'a private (unique local) address';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'a site-local address';
  if ((g[0]! & 0xff00) === 0xff00) return 'a multicast address';
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'a documentation address';
  if (g[0] === 0x100 && g.slice(1, 4).every((x) => x === 0)) return 'a discard address';
  return null;
}

class RefusedError extends Error {}
/** More bytes than the limit (reading stopped there). */
class OversizeError extends Error {}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that resolves, checks every address, and hands over only checked ones. */
function checkedLookup(exempt: (host: string) => boolean) {
  return (hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback): void => {
    const family = options.family === 6 || options.family === 'IPv6' ? 6 : options.family === 4 || options.family === 'IPv4' ? 4 : 0;
    dns.lookup(hostname, { all: true, family }, (err, addresses) => {
      if (err) return callback(err, []);
      if (addresses.length === 0) return callback(new RefusedError(`${hostname} has no address`), []);
      if (!exempt(hostname)) {
        for (const a of addresses) {
          const problem = addressProblem(a.address);
          if (problem) return callback(new RefusedError(`${hostname} resolves to ${a.address}, ${problem}`), []);
        }
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/* ---- Fetching ---- */

interface Hop {
  status: number;
  location: string | null;
  data: Buffer | null;
}

function get(url: URL, options: Required<RemoteImageOptions>, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      agent: false,
      lookup: checkedLookup((host) => isExempt(host, options)) as unknown as net.LookupFunction,
      signal,
      headers: { accept: 'image/png, image/jpeg, image/gif, image/webp', 'user-agent': 'Tussenstand deck import' },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        return resolve({ status, location: res.headers.location ?? null, data: null });
      }
      if (status !== 200) {
        res.resume();
        return resolve({ status, location: null, data: null });
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        res.destroy();
        return reject(new OversizeError(`larger than ${options.maxBytes} bytes (MAX_IMAGE_BYTES)`));
      }
      const chunks: Buffer[] = [];
      let total = 0;
      res.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > options.maxBytes) {
          // Stop reading: nothing past the limit is buffered.
          res.destroy();
          reject(new OversizeError(`larger than ${options.maxBytes} bytes (MAX_IMAGE_BYTES)`));
          return;
        }
        chunks.push(chunk);
      });
      res.once('error', reject);
      res.once('end', () => resolve({ status, location: null, data: Buffer.concat(chunks) }));
    });
    req.end();
  });
}

const isExempt = (host: string, options: Required<RemoteImageOptions>): boolean => options.allowPrivate || options.exemptHosts.includes(host);

function refusal(url: URL, options: Required<RemoteImageOptions>): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https (not ${url.protocol})`;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!isExempt(host, options) && net.isIP(host)) {
    const problem = addressProblem(host);
    if (problem) return `${host} is ${problem}`;
  }
  return null;
}

/** Fetches one image; never throws: a failure is `{ failed: why }`. */
export async function fetchRemoteImage(address: string, opts: RemoteImageOptions = {}): Promise<FetchedImage> {
  const options: Required<RemoteImageOptions> = { allowPrivate: opts.allowPrivate ?? false, exemptHosts: opts.exemptHosts ?? [], timeoutMs: opts.timeoutMs ?? REMOTE_IMAGE_TIMEOUT_MS, maxBytes: opts.maxBytes ?? MAX_IMAGE_BYTES };
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { failed: 'not a valid URL' };
  }
  try {
    for (let hop = 0; ; hop++) {
      const refused = refusal(url, options);
      if (refused) return { failed: `refused: ${refused}` };
      const res = await get(url, options, signal);
      if (res.location !== null) {
        if (hop >= MAX_REDIRECTS) return { failed: `more than ${MAX_REDIRECTS} redirects` };
        url = new URL(res.location, url);
        continue;
      }
      if (!res.data) return { failed: `the server answered ${res.status}` };
      const contentType = sniffImage(res.data);
      if (!contentType) return { failed: 'not a PNG, JPEG, GIF or WebP image' };
      return { data: res.data, contentType };
    }
  } catch (err) {
    if (signal.aborted) return { failed: `no answer within ${options.timeoutMs / 1000} s` };
    if (err instanceof RefusedError) return { failed: `refused: ${err.message}` };
    if (err instanceof OversizeError) return { failed: err.message };
    const code = (err as NodeJS.ErrnoException).code;
    return { failed: code ? `cannot connect (${code})` : `cannot fetch (${(err as Error).message})` };
  }
}

/** Fetches each URL once, a few at a time. */
export async function fetchRemoteImages(urls: readonly string[], options: RemoteImageOptions = {}): Promise<Map<string, FetchedImage>> {
  const results = new Map<string, FetchedImage>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const url = urls[next++]!;
      results.set(url, await fetchRemoteImage(url, options));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, urls.length) }, worker));
  return results;
}
