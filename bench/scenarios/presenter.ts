/**
 * 4. Presenter to attendees: attendees on an audience link (read-only, no awareness, as the
 * attendee page connects) and one presenter who moves through the slides with
 * writePresentation. The same document change through the reference server for comparison.
 */
import * as Y from 'yjs';
import { addSlide, initDeckDoc, readPresentation, slideIds, writePresentation } from '../../shared/deckModel.ts';
import type { OurServer } from '../servers.ts';
import { connectMany, connectY, destroyAll, openRoom, withTimeout, type BenchClient } from '../clients.ts';
import { measureArrivals } from '../latency.ts';
import { roundsSummary, row, type BenchContext, type Scenario } from '../scenario.ts';
import { startServer, type RunningServer, type ServerKind } from '../servers.ts';

const KINDS: ServerKind[] = ['ours', 'reference'];
const SLIDES = 5;

interface Side {
  server: RunningServer;
  presenter: BenchClient;
  attendees: BenchClient[];
  ids: string[];
  rounds: { samples: number[]; missing: number }[];
  seq: number;
}

async function prepare(server: RunningServer, attendees: number): Promise<Side> {
  const room = await openRoom(server, 'Presenting');
  const doc = new Y.Doc();
  // The presenter's page publishes `presenting: true` (the laser pointer rides on it).
  const presenter = connectY(room, room.editor, { doc, awareness: { presenting: true } });
  await withTimeout(presenter.synced, 30_000, 'presenter sync');
  if (server.kind === 'reference') initDeckDoc(doc, { title: 'Presenting' });
  while (slideIds(doc).length < SLIDES) addSlide(doc, {});
  if (server.kind === 'ours') {
    const res = await (server as OurServer).api.post(`/api/decks/${room.name}/presentation/start`);
    if (res.status !== 200) throw new Error(`presentation start: ${res.status}`);
  } else {
    writePresentation(doc, { active: true, slideId: slideIds(doc)[0]!, fragment: 0, startedAt: new Date().toISOString(), startedBy: 'bench' });
  }
  const list = await connectMany(attendees, () => connectY(room, room.viewer));
  return { server, presenter, attendees: list, ids: slideIds(doc), rounds: [], seq: 1 };
}

export const presenter: Scenario = {
  id: 'presenter',
  title: 'Presenter → attendees (slide change)',
  async run(ctx: BenchContext) {
    const attendees = ctx.quick ? 50 : 200;
    const roundsCount = ctx.quick ? 2 : 5;
    const writes = ctx.quick ? 8 : 20;
    const sides = new Map<ServerKind, Side>();
    try {
      for (const kind of KINDS) {
        const server = await startServer(kind, { cpuProfDir: ctx.profileDir ? `${ctx.profileDir}/presenter` : undefined });
        try {
          sides.set(kind, await prepare(server, attendees));
        } catch (err) {
          await server.stop();
          throw err;
        }
        ctx.log(`  ${kind}: ${attendees} attendees synced`);
      }
      for (let r = 0; r < roundsCount; r++) {
        for (const kind of KINDS) {
          const side = sides.get(kind)!;
          // Slide i of the cycle; consecutive writes always change the slide.
          const slideFor = (seq: number): string => side.ids[seq % side.ids.length]!;
          const run = await measureArrivals({
            readers: side.attendees,
            write: (seq) => writePresentation(side.presenter.doc, { slideId: slideFor(seq), fragment: 0 }),
            arrived: (doc, seq) => readPresentation(doc).slideId === slideFor(seq),
            writes,
            firstSeq: side.seq,
            gapMs: 50,
          });
          side.seq += writes + 2;
          side.rounds.push(run);
        }
      }
    } finally {
      for (const side of sides.values()) {
        destroyAll([side.presenter, ...side.attendees]);
        await side.server.stop();
      }
    }
    const ours = roundsSummary(sides.get('ours')!.rounds);
    const ref = roundsSummary(sides.get('reference')!.rounds);
    return {
      rows: [
        row(`${attendees} attendees p50`, 'ms', ours.median.p50, ref.median.p50),
        row(`${attendees} attendees p99`, 'ms', ours.median.p99, ref.median.p99, { text: '< 100 ms', met: ours.median.p99 < 100 }),
        row(`${attendees} attendees max`, 'ms', ours.median.max, ref.median.max),
      ],
      details: { attendees, rounds: roundsCount, writesPerRound: writes, ours, reference: ref },
      notes: [
        `${attendees} attendees connect with an audience link token (read-only; no awareness state, as the attendee page). ` +
          `The presenter (editor cookie, awareness {presenting: true}) cycles through ${SLIDES} slides with writePresentation(doc, { slideId, fragment: 0 }) after ` +
          'POST /presentation/start; an attendee’s arrival is when readPresentation(its doc).slideId shows the new slide. ' +
          'On the reference server the same deck document is built by the presenter client and the attendees connect without credentials. ' +
          `${roundsCount} alternating rounds of 2 unmeasured + ${writes} measured slide changes, 50 ms apart after everyone has the previous one.`,
      ],
    };
  },
};
