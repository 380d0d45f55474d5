/**
 * [LM1] [LM2] [ST4] Protocol fuzzing: thousands of hostile, truncated, type-confused and
 * half-valid frames on /sync and /stats (ten times more with STRESS=1), from editors and
 * attendees, while two real y-websocket editors keep editing the same deck.
 *
 * Proves: the server stays up (healthz 200 throughout); a socket that sent something bad
 * is closed alone, with a named close code (never 1006/1011), and one that sent only valid
 * or ignorable frames stays open and answered; the editors keep syncing both ways the whole
 * time; what the store holds afterwards (read by a fresh server process) equals what the
 * editors hold; and the server's RSS grows by less than 150 MiB.
 *
 * Seeded: the seed is in the test name; replay a failure with FUZZ_SEED=<seed>.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CloseCode, closeCodeName } from '../../shared/closeCodes.ts';
import { STATS_PATH } from '../../shared/statsMessages.ts';
import { SYNC_PATH } from '../../shared/syncMessages.ts';
import { loggedIn, type ApiClient } from '../helpers/apiClient.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { deckSnapshot, slideText, typeInto } from '../helpers/docEdits.ts';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/testServer.ts';
import { connectClient, eventually, type YClient } from '../helpers/yClient.ts';
import { Rng, statsFuzzFrame, step1Frame, syncFuzzFrame, type Expect } from './frames.ts';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (process.pid << 8)) >>> 0;
const STRESS = process.env.STRESS === '1';
/** Sockets per run; each sends 1–10 frames (about 5.5 on average) plus a probe. */
const SOCKETS = STRESS ? 8_000 : 800;
const PARALLEL = 8;
const FRAME_LIMIT = 64 * 1024;
const RSS_BOUND_MIB = 150;
/** Codes a fuzzed socket may be closed with: ours (1000) or a named refusal. */
const ALLOWED_CLOSE = new Set<number>([1000, CloseCode.MALFORMED, CloseCode.FRAME_TOO_LARGE]);

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb / 1024;
}

interface Outcome {
  /** Close code the client saw, or null while open. */
  code: number | null;
  reason: string;
  answered: boolean;
}

/** Sends `frames`, then a probe, and waits until the probe is answered or the socket closes. */
async function runSocket(
  url: string,
  headers: Record<string, string>,
  frames: (Uint8Array | string)[],
  expected: Expect,
  probe: Uint8Array | string,
  isAnswer: (data: Buffer, isBinary: boolean) => boolean,
): Promise<Outcome> {
  const ws = new WebSocket(url, { headers });
  const outcome: Outcome = { code: null, reason: '', answered: false };
  ws.on('error', () => {});
  const closed = new Promise<void>((resolve) =>
    ws.once('close', (code: number, reason: Buffer) => {
      outcome.code = code;
      outcome.reason = reason.toString();
      resolve();
    }),
  );
  let probeSent = false;
  const answered = new Promise<void>((resolve) =>
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (probeSent && isAnswer(data, isBinary)) {
        outcome.answered = true;
        resolve();
      }
    }),
  );
  const opened = await Promise.race([new Promise<boolean>((r) => ws.once('open', () => r(true))), closed.then(() => false)]);
  if (!opened) return outcome;
  for (const f of frames) ws.send(f, { binary: typeof f !== 'string' });
  probeSent = true;
  ws.send(probe, { binary: typeof probe !== 'string' });
  const timeout = new Promise<void>((r) => setTimeout(r, 20_000).unref());
  // A socket that must be closed is waited for: an answer to an earlier valid frame could
  // otherwise pass for the probe's before the close arrives.
  await Promise.race([expected === 'close' ? closed : Promise.race([answered, closed]), timeout]);
  if (outcome.code === null) {
    ws.close(1000);
    await Promise.race([closed, timeout]);
  }
  return outcome;
}

function judge(expects: Expect[]): Expect {
  if (expects.includes('close')) return 'close';
  if (expects.includes('either')) return 'either';
  return 'ok';
}

describe(`protocol fuzzing (seed ${SEED}${STRESS ? ', stress' : ''}; replay with FUZZ_SEED=${SEED})`, () => {
  let server: ChildServer;
  let api: ApiClient;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    server = await startChildServer(dataDir, { MAX_FRAME_BYTES: String(FRAME_LIMIT), LOG_LEVEL: 'warn' });
    api = await loggedIn(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${SOCKETS} sockets of hostile frames; bystanders keep syncing; store, memory and process survive`, { timeout: STRESS ? 900_000 : 120_000 }, async () => {
    const deckId = await newDeck(api, 'Fuzzed');
    const token = await newLink(api, deckId, { label: 'fuzz' });
    const a = connectClient(server.wsUrl, deckId, { cookie: api.cookie });
    const b = connectClient(server.wsUrl, deckId, { cookie: api.cookie });
    await Promise.all([a.synced, b.synced]);
    const pid = server.process.pid!;
    const rssBefore = rssMiB(pid);
    const failures: string[] = [];
    const counts = { frames: 0, closed: 0, open: 0, byCode: new Map<number, number>() };
    let mark = 0;

    const syncUrl = (viewer: boolean): string => `${server.wsUrl}${SYNC_PATH}/${deckId}${viewer ? `?token=${token}` : ''}`;
    const statsUrl = (viewer: boolean): string => `${server.wsUrl}${STATS_PATH}${viewer ? `?token=${token}` : ''}`;

    const one = async (index: number): Promise<void> => {
      // One generator per socket, so its frames depend on the seed and its index only, not
      // on how the parallel sockets interleave: a failure named by index replays exactly.
      const rng = new Rng((SEED + Math.imul(index + 1, 0x9e3779b1)) >>> 0);
      const viewer = rng.chance(0.3);
      const onStats = rng.chance(0.2);
      // A quarter of the sockets send only frames that must be served or ignored, so that
      // "stays open and is answered" is checked often, not only "is closed".
      const benign = rng.chance(0.25);
      const draw = <F>(make: () => F, isOk: (f: F) => boolean): F => {
        for (let tries = 0; tries < 100; tries++) {
          const f = make();
          if (!benign || isOk(f)) return f;
        }
        throw new Error('no benign frame drawn');
      };
      const headers: Record<string, string> = viewer ? {} : { cookie: api.cookie! };
      const n = rng.range(1, 10);
      let outcome: Outcome;
      let expected: Expect;
      let kinds: string[];
      if (onStats) {
        const frames = Array.from({ length: n }, () => draw(() => statsFuzzFrame(rng), (f) => f.expect === 'ok'));
        kinds = frames.map((f) => f.kind);
        expected = judge(frames.map((f) => f.expect));
        // The probe: a subscribe that is answered with a value (editors) or an error (attendees).
        outcome = await runSocket(statsUrl(viewer), headers, frames.map((f) => f.data), expected, JSON.stringify({ type: 'subscribe', keys: ['organisations.total'] }), (data, isBinary) => !isBinary && data.toString().includes('organisations.total'));
      } else {
        const clientId = rng.range(1, 2 ** 31);
        const frames = Array.from({ length: n }, () => draw(() => syncFuzzFrame(rng, clientId, FRAME_LIMIT), (f) => (viewer ? f.viewer : f.editor) === 'ok'));
        kinds = frames.map((f) => f.kind);
        expected = judge(frames.map((f) => (viewer ? f.viewer : f.editor)));
        // The probe: a SyncStep1, answered with a SyncStep2 once everything before it ran.
        outcome = await runSocket(syncUrl(viewer), headers, frames.map((f) => f.data), expected, step1Frame(), (data) => data[0] === 0 && data[1] === 1);
      }
      counts.frames += n;
      const where = `socket ${index} (${viewer ? 'attendee' : 'editor'}; ${kinds.join(', ')})`;
      if (outcome.code !== null) counts.byCode.set(outcome.code, (counts.byCode.get(outcome.code) ?? 0) + 1);
      const serverClosed = outcome.code !== null && outcome.code !== 1000;
      if (serverClosed) counts.closed++;
      else counts.open++;
      if (outcome.code !== null && !ALLOWED_CLOSE.has(outcome.code)) failures.push(`${where}: closed with ${outcome.code} ${outcome.reason}`);
      if (serverClosed && !closeCodeName(outcome.code!)) failures.push(`${where}: unnamed close code ${outcome.code}`);
      if (serverClosed && outcome.reason.length === 0) failures.push(`${where}: close ${outcome.code} without a reason`);
      if (expected === 'close' && !serverClosed) failures.push(`${where}: expected a close, stayed open`);
      if (expected === 'ok' && (serverClosed || !outcome.answered)) failures.push(`${where}: expected to stay open and answered, got ${outcome.code} ${outcome.reason}`);
      if (expected === 'either' && !serverClosed && !outcome.answered) failures.push(`${where}: neither answered nor closed`);
    };

    const bystandersSync = async (): Promise<void> => {
      mark++;
      typeInto(a.doc, 0, ` a${mark}`);
      typeInto(b.doc, 0, ` b${mark}`);
      await eventually(() => {
        expect(slideText(b.doc, 0)).toContain(` a${mark}`);
        expect(slideText(a.doc, 0)).toContain(` b${mark}`);
      }, 20_000);
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
    };

    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < SOCKETS) {
        const index = next++;
        await one(index);
        if (index % 50 === 49) await bystandersSync();
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    await bystandersSync();
    const rssAfter = rssMiB(pid);

    console.log(
      `fuzz seed ${SEED}: ${SOCKETS} sockets, ${counts.frames} frames; closed by the server ${counts.closed}, stayed open ${counts.open}; ` +
        `codes ${JSON.stringify(Object.fromEntries(counts.byCode))}; RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MiB`,
    );
    expect(failures.slice(0, 20), `seed ${SEED}: ${failures.length} failures (replay with FUZZ_SEED=${SEED})`).toEqual([]);
    // Both outcomes happened, so the judge above was exercised both ways.
    expect(counts.closed).toBeGreaterThan(SOCKETS / 10);
    expect(counts.open).toBeGreaterThan(SOCKETS / 10);
    expect(rssAfter - rssBefore, `RSS grew from ${rssBefore} to ${rssAfter} MiB`).toBeLessThan(RSS_BOUND_MIB);
    expect(server.output()).not.toMatch(/uncaught|unhandled/i);

    // What the store holds equals what the editors hold: read it back in a new process.
    const editorView = { deck: deckSnapshot(a.doc), sv: Array.from(Y.encodeStateVector(a.doc)), fuzz: a.doc.getMap('fuzz').toJSON() };
    expect(deckSnapshot(b.doc)).toEqual(editorView.deck);
    a.destroy();
    b.destroy();
    await server.stop();
    server = await startChildServer(dataDir, { MAX_FRAME_BYTES: String(FRAME_LIMIT), LOG_LEVEL: 'warn' });
    const fresh: YClient = connectClient(server.wsUrl, deckId, { cookie: api.cookie });
    await fresh.synced;
    expect(deckSnapshot(fresh.doc)).toEqual(editorView.deck);
    expect(Array.from(Y.encodeStateVector(fresh.doc))).toEqual(editorView.sv);
    expect(fresh.doc.getMap('fuzz').toJSON()).toEqual(editorView.fuzz);
    fresh.destroy();
  });
});
