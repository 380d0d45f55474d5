/**
 * Socket churn: 1,000 sockets (attendee links and editors on /sync, some on /stats) opened
 * and dropped in waves — closed cleanly, killed after opening, killed in the middle of the
 * upgrade while the server checks credentials, or killed halfway through a frame.
 *
 * Proves that afterwards the server holds nothing for them: its connection counts
 * (/healthz) are back to the editor that stayed, the attendee count editors see ([RO6])
 * is gone, no file descriptors leaked, RSS grew by less than 150 MiB, and a fresh editor
 * still syncs.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { STATS_PATH } from '../../shared/statsMessages.ts';
import { SYNC_PATH } from '../../shared/syncMessages.ts';
import { loggedIn, type ApiClient } from '../helpers/apiClient.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { slideText, typeInto } from '../helpers/docEdits.ts';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/testServer.ts';
import { connectClient, eventually, sleep, type YClient } from '../helpers/yClient.ts';
import { Rng } from './frames.ts';

const WAVES = 10;
const PER_WAVE = 100;
const RSS_BOUND_MIB = 150;
/** Descriptors the process may open for itself meanwhile (log rotation, SQLite WAL, timers). */
const FD_SLACK = 10;

const rssMiB = (pid: number): number => Number(/VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
const fdCount = (pid: number): number => fs.readdirSync(`/proc/${pid}/fd`).length;

interface Health {
  connections: number;
  statsConnections: number;
}
async function health(url: string): Promise<Health> {
  const res = await fetch(`${url}/healthz`);
  expect(res.status).toBe(200);
  return (await res.json()) as Health;
}

/** The attendee counts the server shows editors as its own awareness state ([RO6]). */
function audienceSeen(editor: YClient): Record<string, number> {
  for (const state of editor.provider.awareness.getStates().values()) {
    const audience = (state as { audience?: Record<string, number> }).audience;
    if (audience) return audience;
  }
  return {};
}

/** An upgrade request written by hand, so the TCP socket can be cut at any byte. */
function upgradeRequest(host: string, pathAndQuery: string, cookie: string | null): string {
  return [
    `GET ${pathAndQuery} HTTP/1.1`,
    `Host: ${host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...(cookie ? [`Cookie: ${cookie}`] : []),
    '',
    '',
  ].join('\r\n');
}

/** Opens a TCP socket and resolves once it is connected. */
function tcp(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** A masked client frame header announcing `length` payload bytes, followed by only some of them. */
function partialFrame(rng: Rng): Buffer {
  const length = rng.range(200, 60_000);
  const header = length < 126 ? Buffer.from([0x82, 0x80 | length]) : Buffer.from([0x82, 0x80 | 126, length >> 8, length & 0xff]);
  const mask = crypto.randomBytes(4);
  return Buffer.concat([header, mask, crypto.randomBytes(rng.range(0, Math.min(length - 1, 2_000)))]);
}

describe('socket churn', () => {
  let server: ChildServer;
  let api: ApiClient;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    server = await startChildServer(dataDir, { LOG_LEVEL: 'warn' });
    api = await loggedIn(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${WAVES * PER_WAVE} sockets opened and dropped in waves leave nothing behind`, { timeout: 120_000 }, async () => {
    const deckId = await newDeck(api, 'Churn');
    const token = await newLink(api, deckId, { label: 'churn' });
    const { host, port } = new URL(server.url);
    const pid = server.process.pid!;
    const presenter = connectClient(server.wsUrl, deckId, { cookie: api.cookie });
    await presenter.synced;
    // Warm up: one of each kind, so lazily created state (statistics hub, prepared
    // statements) is in the baseline and not counted as growth.
    const warm = [new WebSocket(`${server.wsUrl}${SYNC_PATH}/${deckId}?token=${token}`), new WebSocket(`${server.wsUrl}${STATS_PATH}`, { headers: { cookie: api.cookie! } })];
    await Promise.all(warm.map((w) => new Promise((r) => w.once('open', r))));
    for (const w of warm) w.close();
    await eventually(async () => expect(await health(server.url)).toMatchObject({ connections: 1, statsConnections: 0 }), 15_000);
    await eventually(() => expect(audienceSeen(presenter)).toEqual({}), 15_000);
    const fdBefore = fdCount(pid);
    const rssBefore = rssMiB(pid);
    const rng = new Rng(20261128);
    const tally = new Map<string, number>();
    let peakAudience = 0;

    for (let wave = 0; wave < WAVES; wave++) {
      const held: (() => void)[] = [];
      const opening: Promise<void>[] = [];
      let attendeesHeld = 0;
      for (let i = 0; i < PER_WAVE; i++) {
        const mode = rng.int(10);
        const clean = rng.chance(0.5);
        const kind = ['attendee', 'attendee', 'attendee', 'attendee', 'editor', 'editor', 'stats', 'stats-attendee', 'cut-in-upgrade', 'cut-in-frame'][mode]!;
        tally.set(kind, (tally.get(kind) ?? 0) + 1);
        if (mode <= 7) {
          const attendee = mode <= 3 || mode === 7;
          const url = mode <= 5 ? `${server.wsUrl}${SYNC_PATH}/${deckId}${attendee ? `?token=${token}` : ''}` : `${server.wsUrl}${STATS_PATH}${attendee ? `?token=${token}` : ''}`;
          const ws = new WebSocket(url, { headers: attendee ? {} : { cookie: api.cookie! } });
          ws.on('error', () => {});
          if (mode <= 3) attendeesHeld++;
          opening.push(
            new Promise<void>((resolve, reject) => {
              ws.once('open', () => {
                if (mode >= 6) ws.send(JSON.stringify({ type: 'subscribe', keys: ['interviews.total'] }));
                resolve();
              });
              ws.once('close', (code: number) => reject(new Error(`${kind} socket closed before opening: ${code}`)));
            }),
          );
          // Clean: a close handshake. Otherwise the TCP socket is destroyed without one.
          held.push(() => (clean ? ws.close() : ws.terminate()));
        } else if (mode === 8) {
          // Cut during the upgrade: the request arrives, then the socket is gone while the
          // server is still looking up the credentials (or, sometimes, right after).
          opening.push(
            (async () => {
              const socket = await tcp(Number(port));
              socket.on('error', () => {});
              const request = upgradeRequest(host, `${SYNC_PATH}/${deckId}${clean ? `?token=${token}` : ''}`, clean ? null : api.cookie);
              const cut = rng.chance(0.5) ? request.length : rng.int(request.length);
              socket.write(request.slice(0, cut));
              if (rng.chance(0.5)) await sleep(rng.int(5));
              socket.destroy();
            })(),
          );
        } else {
          // Cut halfway through a frame: upgraded, then a frame header and part of its payload.
          opening.push(
            (async () => {
              const socket = await tcp(Number(port));
              socket.on('error', () => {});
              socket.write(upgradeRequest(host, `${SYNC_PATH}/${deckId}${clean ? `?token=${token}` : ''}`, clean ? null : api.cookie));
              await new Promise<void>((resolve) => {
                let head = '';
                const onData = (d: Buffer): void => {
                  head += d.toString('latin1');
                  if (head.includes('\r\n\r\n')) {
                    socket.off('data', onData);
                    resolve();
                  }
                };
                socket.on('data', onData);
                socket.once('close', () => resolve());
              });
              expect(socket.destroyed).toBe(false);
              socket.write(partialFrame(rng));
              held.push(() => socket.destroy());
            })(),
          );
        }
      }
      await Promise.all(opening);
      if (wave === 0) {
        // The attendee count really is observed: it rises with the held attendees...
        await eventually(() => expect(audienceSeen(presenter).churn ?? 0).toBeGreaterThanOrEqual(attendeesHeld), 15_000);
      }
      peakAudience = Math.max(peakAudience, audienceSeen(presenter).churn ?? 0);
      for (const drop of held) drop();
    }

    // ...and falls back to nothing once they are all gone.
    await eventually(async () => expect(await health(server.url)).toMatchObject({ connections: 1, statsConnections: 0 }), 30_000);
    await eventually(() => expect(audienceSeen(presenter)).toEqual({}), 15_000);
    await eventually(() => expect(fdCount(pid)).toBeLessThanOrEqual(fdBefore + FD_SLACK), 30_000);
    const rssAfter = rssMiB(pid);
    console.log(`churn: ${JSON.stringify(Object.fromEntries(tally))}; peak audience ${peakAudience}; fds ${fdBefore} → ${fdCount(pid)}; RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MiB`);
    expect(peakAudience).toBeGreaterThan(0);
    expect(rssAfter - rssBefore).toBeLessThan(RSS_BOUND_MIB);
    expect(server.output()).not.toMatch(/uncaught|unhandled/i);

    // A fresh editor still syncs with the one who stayed, both ways.
    const fresh = connectClient(server.wsUrl, deckId, { cookie: api.cookie });
    await fresh.synced;
    typeInto(fresh.doc, 0, ' after churn');
    await eventually(() => expect(slideText(presenter.doc, 0)).toBe('Churn after churn'), 15_000);
    typeInto(presenter.doc, 0, '!');
    await eventually(() => expect(slideText(fresh.doc, 0)).toBe('Churn after churn!'), 15_000);
    fresh.destroy();
    presenter.destroy();
  });
});
