/**
 * Current values of every statistic, recomputed from the research log after each change.
 * Listeners hear only about statistics whose value actually changed.
 *
 * Each value is also stored (stat_snapshots) with the time it last changed, and read back
 * before the first computation: when the research log cannot be read, or before it has been
 * (a slow start), the last known value is still there, with its date, for a chart to be
 * drawn from and marked as such (an export never prints "loading"). `updatedAt` is when the
 * value became what it is, so an unchanged value keeps its date across restarts.
 */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { computeStats, sameStat } from '../../shared/computeStats.ts';
import type { StatResponse } from '../../shared/api.ts';
import { STAT_KEYS } from '../../shared/statsCatalogue.ts';
import type { Store } from '../storage/Store.ts';

/** A statistic's current value; on the wire it is the reply of GET /api/stats/:key. */
export type StatSnapshot = StatResponse;

/** Changes arriving within this window are recomputed once (a CSV import is one change anyway). */
const COALESCE_MS = 15;

export class StatsHub extends EventEmitter<{ changed: [stats: StatSnapshot[]] }> {
  private values = new Map<string, StatSnapshot>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  readonly ready: Promise<void>;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {
    super();
    this.setMaxListeners(0);
    this.ready = this.loadStored().then(() => this.recompute());
  }

  get(key: string): StatSnapshot | undefined {
    return this.values.get(key);
  }

  /** Something in the research log changed: recompute soon, once for a burst of changes. */
  invalidate(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running.then(() => this.recompute());
    }, COALESCE_MS);
  }

  /** The values as last stored; a store that cannot be read leaves the hub empty, not broken. */
  private async loadStored(): Promise<void> {
    try {
      for (const snapshot of await this.store.loadStatSnapshots()) if (STAT_KEYS.has(snapshot.key)) this.values.set(snapshot.key, snapshot);
    } catch (err) {
      this.logger.warn({ event: 'stats-load-stored-failed', err }, 'could not read the stored statistics');
    }
  }

  private async recompute(): Promise<void> {
    try {
      const [organisations, interviews, damocles, agreements, events] = await Promise.all([
        this.store.listResearch('organisations'),
        this.store.listResearch('interviews'),
        this.store.listResearch('damocles'),
        this.store.listResearch('agreements'),
        this.store.listResearch('events'),
      ]);
      const computed = computeStats({ organisations, interviews, damocles, agreements, events });
      const now = new Date().toISOString();
      const changed: StatSnapshot[] = [];
      const fresh: StatSnapshot[] = [];
      for (const [key, value] of Object.entries(computed)) {
        const previous = this.values.get(key);
        if (previous && sameStat(previous.value, value)) continue;
        const snapshot = { key, value, updatedAt: now };
        this.values.set(key, snapshot);
        fresh.push(snapshot);
        if (previous) changed.push(snapshot);
      }
      if (changed.length > 0) this.emit('changed', changed);
      if (fresh.length > 0) await this.store.saveStatSnapshots(fresh).catch((err: unknown) => this.logger.warn({ event: 'stats-store-failed', err }, 'could not store the statistics'));
    } catch (err) {
      this.logger.error({ event: 'stats-recompute-failed', err }, 'could not recompute statistics');
    }
  }

  close(): void {
    clearTimeout(this.timer);
  }
}
