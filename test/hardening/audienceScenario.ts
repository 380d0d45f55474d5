/**
 * A live talk under load: many attendees on one audience link, a few editors typing into the
 * same deck, all against a real server in a child process.
 *
 * Shared by the fast test (test/hardening/audienceLoad.test.ts, in `npm test`) and the long
 * one (test/stress/audienceLoad.stress.ts, in `npm run test:stress`); only the volume differs.
 *
 * Attendees are bare websockets speaking the real y-websocket protocol (SyncStep1 out,
 * SyncStep2 and Updates in), because 500 y-websocket providers with their own Y.Docs would
 * load the test process more than the server. To still prove every attendee holds the
 * editors' document, a few "probe" attendees apply everything into a real Y.Doc, and every
 * attendee hashes the sync payloads it receives in order: the server sends one identical
 * message per change of the audience document to every attendee in the same order, so an
 * attendee whose hash and count equal a probe's received exactly the bytes that make the
 * probe's document.
 *
 * Attendees receive the server's audience document ([AU1]), not the editors' updates, so a
 * keystroke cannot be recognised in what they receive by its Yjs clock. Instead: every
 * keystroke adds one character to the live slide, so when the first probe's slide text holds
 * 4 + n characters the n-th keystroke has arrived; each attendee notes when each update came,
 * and the latency of keystroke n is the arrival of the update that completed it minus the
 * moment it was typed (with editors typing concurrently, "the n-th character" rather than
 * exactly that editor's keystroke — close enough for a figure that is only recorded).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { MessageType, SYNC_PATH, messageYjsSyncStep2, messageYjsUpdate } from '../../shared/syncMessages.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { slideText, typeInto } from '../helpers/docEdits.ts';
import { ADMIN_PASSWORD, startChildServer, tempDataDir, type ChildServer } from '../helpers/testServer.ts';
import { connectClient, eventually, sleep, type YClient } from '../helpers/yClient.ts';

export interface AudienceScenarioOptions {
  attendees: number;
  editors: number;
  /** How long the editors type. */
  seconds: number;
  /** Milliseconds between two keystrokes of one editor (each keystroke is one update). */
  keystrokeEveryMs: number;
  /** Attendees that keep a real Y.Doc (the reference the others' hashes are compared with). */
  probes: number;
}

export interface AttendeeResult {
  index: number;
  updates: number;
  bytes: number;
  hash: string;
  synced: boolean;
  closed: { code: number; reason: string } | null;
  probeText: string | null;
}

export interface AudienceScenarioResult {
  editorText: string;
  keystrokes: number;
  attendees: AttendeeResult[];
  editorCloses: { editor: number; code: number; reason: string }[];
  /** Server RSS in bytes, one sample per second from /proc/<pid>/status. */
  rssSamples: number[];
  /** Milliseconds from an editor's keystroke to each attendee receiving it. */
  latencies: number[];
  connectMs: number;
  drainMs: number;
}

interface Attendee {
  ws: WebSocket;
  synced: Promise<void>;
  isSynced: boolean;
  hash: crypto.Hash;
  updates: number;
  bytes: number;
  closed: { code: number; reason: string } | null;
  doc: Y.Doc | null;
  digest: string | null;
  /** When each update (after the first sync) arrived. */
  arrivals: number[];
}

function syncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SYNC);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

/** Resident memory of a process (VmRSS), in bytes; null once it has gone. */
export function rssOf(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return kb ? Number(kb[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** For the first probe: how many characters its live slide had after each update. */
type Lengths = number[];

function openAttendee(wsUrl: string, deckId: string, token: string, probe: boolean, lengths: Lengths | null): Attendee {
  const ws = new WebSocket(`${wsUrl}${SYNC_PATH}/${deckId}?token=${encodeURIComponent(token)}`, { perMessageDeflate: false });
  const attendee: Attendee = {
    ws,
    synced: Promise.resolve(),
    isSynced: false,
    hash: crypto.createHash('sha256'),
    updates: 0,
    bytes: 0,
    closed: null,
    doc: probe ? new Y.Doc() : null,
    digest: null,
    arrivals: [],
  };
  let markSynced: (() => void) | undefined;
  attendee.synced = new Promise<void>((resolve, reject) => {
    markSynced = resolve;
    ws.once('error', reject);
  });
  ws.on('error', () => {});
  ws.once('open', () => ws.send(syncStep1()));
  ws.on('close', (code: number, reason: Buffer) => {
    attendee.closed = { code, reason: reason.toString() };
  });
  ws.on('message', (data: Buffer) => {
    const now = Date.now();
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (decoding.readVarUint(decoder) !== MessageType.SYNC) return; // keep-alives, presenter pointer
    const sub = decoding.readVarUint(decoder);
    if (sub !== messageYjsSyncStep2 && sub !== messageYjsUpdate) return;
    const payload = decoding.readVarUint8Array(decoder);
    attendee.hash.update(payload);
    attendee.bytes += payload.byteLength;
    if (attendee.doc) Y.applyUpdate(attendee.doc, payload);
    if (sub === messageYjsSyncStep2) {
      attendee.isSynced = true;
      markSynced?.();
      return;
    }
    attendee.updates++;
    attendee.arrivals.push(now);
    if (lengths && attendee.doc) lengths.push(slideText(attendee.doc, 0).length);
  });
  return attendee;
}

export async function runAudienceScenario(options: AudienceScenarioOptions): Promise<AudienceScenarioResult> {
  const dataDir = tempDataDir();
  let child: ChildServer | null = null;
  const attendees: Attendee[] = [];
  const editors: YClient[] = [];
  let sampler: NodeJS.Timeout | undefined;
  let typing: NodeJS.Timeout[] = [];
  let running = true;
  try {
    // Warnings only: 500 ws-open lines on stdout would cost the server more than the test measures.
    child = await startChildServer(dataDir, { LOG_LEVEL: 'warn', SEED_SAMPLE_DATA: 'false' });
    const pid = child.process.pid!;
    const api = new ApiClient(child.url);
    await api.login('admin', ADMIN_PASSWORD);
    const deck = await api.post('/api/decks', { title: 'Live' });
    if (deck.status !== 201) throw new Error(`creating the deck failed: ${deck.status}`);
    const deckId = deck.body.id as string;
    const link = await api.post(`/api/decks/${deckId}/links`, { label: 'zaal' });
    if (link.status !== 201) throw new Error(`creating the link failed: ${link.status}`);
    const token = link.body.token as string;
    // A live session: its first slide, the one the editors type into, is the audience's ([AU3]).
    const started = await api.post(`/api/decks/${deckId}/presentation/start`);
    if (started.status !== 200) throw new Error(`starting the session failed: ${started.status}`);

    // Editors first and synced, so nothing changes the document while attendees join: every
    // attendee then receives the same SyncStep2 and, after it, the same updates.
    const editorCloses: AudienceScenarioResult['editorCloses'] = [];
    const sentAt: number[] = [];
    for (let i = 0; i < options.editors; i++) {
      const editor = connectClient(child.wsUrl, deckId, { cookie: api.cookie });
      editor.provider.on('connection-close', (event: CloseEvent | null) => {
        // Our own teardown closes them too; only closes during the run count.
        if (!running) return;
        editorCloses.push({ editor: i, code: event?.code ?? 1006, reason: event?.reason ?? '' });
      });
      editors.push(editor);
    }
    await Promise.all(editors.map((e) => e.synced));

    const lengths: Lengths = [];
    const connectStarted = Date.now();
    // In batches, as a room fills over a few seconds, not one SYN flood.
    for (let i = 0; i < options.attendees; i += 50) {
      const batch: Attendee[] = [];
      for (let j = i; j < Math.min(options.attendees, i + 50); j++) batch.push(openAttendee(child.wsUrl, deckId, token, j < options.probes, j === 0 ? lengths : null));
      attendees.push(...batch);
      await Promise.all(batch.map((a) => a.synced));
    }
    const connectMs = Date.now() - connectStarted;

    const rssSamples: number[] = [];
    const sample = (): void => {
      const rss = rssOf(pid);
      if (rss !== null) rssSamples.push(rss);
    };
    sample();
    sampler = setInterval(sample, 1000);

    // Every editor types into the first slide at its own pace (offset so they interleave).
    let keystrokes = 0;
    const stopAt = Date.now() + options.seconds * 1000;
    typing = editors.map((editor, i) =>
      setInterval(() => {
        if (Date.now() >= stopAt) return;
        typeInto(editor.doc, 0, String.fromCharCode(97 + ((keystrokes + i) % 26)));
        sentAt.push(Date.now());
        keystrokes++;
      }, options.keystrokeEveryMs),
    );
    await sleep(options.seconds * 1000);
    for (const t of typing) clearInterval(t);
    typing = [];

    // Delivery, not speed: wait (generously) until the editors agree and every attendee has it.
    const drainStarted = Date.now();
    const expectedLength = 'Live'.length + keystrokes;
    await eventually(() => {
      for (const e of editors) if (slideText(e.doc, 0).length !== expectedLength) throw new Error(`editor has ${slideText(e.doc, 0).length} of ${expectedLength} characters`);
    }, 60_000);
    const editorText = slideText(editors[0]!.doc, 0);
    const probes = attendees.filter((a) => a.doc);
    await eventually(() => {
      for (const p of probes) if (slideText(p.doc!, 0) !== editorText) throw new Error('a probe attendee has not caught up');
    }, 60_000);
    // Everyone else: same count of updates as the probes (the hashes are compared by the test).
    const target = probes[0]?.updates ?? 0;
    await eventually(() => {
      const behind = attendees.filter((a) => a.closed === null && a.updates < target).length;
      if (behind > 0) throw new Error(`${behind} attendees still behind`);
    }, 60_000).catch(() => {}); // the test reports who is behind, with figures
    const drainMs = Date.now() - drainStarted;
    sample();
    clearInterval(sampler);

    // Update u of the first probe completed keystrokes up to lengths[u] - 4; every attendee got update u at arrivals[u].
    const latencies: number[] = [];
    const base = 'Live'.length;
    for (const attendee of attendees) {
      let done = 0;
      attendee.arrivals.forEach((arrived, u) => {
        const upTo = Math.min((lengths[u] ?? base) - base, sentAt.length);
        for (; done < upTo; done++) latencies.push(arrived - sentAt[done]!);
      });
    }

    running = false;
    return {
      editorText,
      keystrokes,
      editorCloses,
      rssSamples,
      latencies,
      connectMs,
      drainMs,
      attendees: attendees.map((a, index) => ({
        index,
        updates: a.updates,
        bytes: a.bytes,
        hash: (a.digest ??= a.hash.digest('hex')),
        synced: a.isSynced,
        closed: a.closed,
        probeText: a.doc ? slideText(a.doc, 0) : null,
      })),
    };
  } finally {
    running = false;
    clearInterval(sampler);
    for (const t of typing) clearInterval(t);
    for (const e of editors) e.destroy();
    for (const a of attendees) {
      a.ws.removeAllListeners('close');
      a.ws.terminate();
      a.doc?.destroy();
    }
    if (child && child.process.exitCode === null) await child.kill9();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The assertions both audience tests make, and the figures they report. Delivery and
 * stability are asserted; speed is only recorded (a busy CI machine must not fail a test).
 */
export function checkAudienceResult(
  result: AudienceScenarioResult,
  options: AudienceScenarioOptions & { section: string; maxRssBytes: number; maxRssGrowthBytes: number },
  expect: (value: unknown, message?: string) => { toBe(v: unknown): void; toEqual(v: unknown): void; toBeLessThan(v: number): void; toBeGreaterThan(v: number): void },
  recordFigure: (section: string, name: string, value: number | string, unit?: string) => void,
): void {
  const { section } = options;
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const maxRss = Math.max(...result.rssSamples);
  const firstRss = result.rssSamples[0] ?? NaN;
  const closedAttendees = result.attendees.filter((a) => a.closed !== null);
  recordFigure(section, 'attendees', options.attendees);
  recordFigure(section, 'editors', options.editors);
  recordFigure(section, 'typing time', options.seconds, 's');
  recordFigure(section, 'keystrokes (updates typed)', result.keystrokes);
  recordFigure(section, 'updates received per attendee (probe)', result.attendees[0]?.updates ?? 0);
  recordFigure(section, 'deliveries measured', sorted.length);
  recordFigure(section, 'latency p50', percentile(sorted, 50), 'ms');
  recordFigure(section, 'latency p99', percentile(sorted, 99), 'ms');
  recordFigure(section, 'latency max', sorted.at(-1) ?? NaN, 'ms');
  recordFigure(section, 'server RSS at start of typing', Math.round(firstRss / 1048576), 'MiB');
  recordFigure(section, 'server RSS max', Math.round(maxRss / 1048576), 'MiB');
  recordFigure(section, 'server RSS growth while typing', Math.round((maxRss - firstRss) / 1048576), 'MiB');
  recordFigure(section, 'server RSS samples', result.rssSamples.length);
  recordFigure(section, 'time to connect and sync all attendees', result.connectMs, 'ms');
  recordFigure(section, 'time for the last update to reach everyone after typing stopped', result.drainMs, 'ms');
  recordFigure(section, 'sockets closed during the run', closedAttendees.length + result.editorCloses.length);

  expect(result.keystrokes, 'the editors typed').toBeGreaterThan(0);
  expect(result.editorText.length).toBe('Live'.length + result.keystrokes);
  expect(result.editorCloses, 'no editor was disconnected').toEqual([]);
  expect(closedAttendees.map((a) => ({ attendee: a.index, ...a.closed })), 'no attendee was disconnected').toEqual([]);
  expect(result.attendees.filter((a) => !a.synced).length, 'every attendee synced').toBe(0);
  const probes = result.attendees.filter((a) => a.probeText !== null);
  expect(probes.length).toBeGreaterThan(0);
  for (const p of probes) expect(p.probeText, `probe attendee ${p.index} holds the editors' text`).toBe(result.editorText);
  // Every attendee received byte for byte what the probes received (which makes the editors' text).
  const reference = probes[0]!;
  const different = result.attendees.filter((a) => a.hash !== reference.hash || a.updates !== reference.updates);
  expect(different.map((a) => ({ attendee: a.index, updates: a.updates, expected: reference.updates })), 'every attendee received every update').toEqual([]);
  expect(result.rssSamples.length, 'RSS was sampled').toBeGreaterThan(options.seconds - 2);
  expect(maxRss, `server RSS stays under ${Math.round(options.maxRssBytes / 1048576)} MiB`).toBeLessThan(options.maxRssBytes);
  // A leak per delivered update would show as growth while typing, whatever the starting size.
  expect(maxRss - firstRss, `server RSS grows less than ${Math.round(options.maxRssGrowthBytes / 1048576)} MiB while the editors type`).toBeLessThan(options.maxRssGrowthBytes);
}
