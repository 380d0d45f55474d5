/**
 * Current values of every statistic, recomputed from the research log after each change.
 * Listeners hear only about statistics whose value actually changed.
 */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { computeStats, sameStat } from '../../shared/computeStats.ts';
import type { StatResponse } from '../../shared/api.ts';
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
    this.ready = this.recompute();
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
      for (const [key, value] of Object.entries(computed)) {
        const previous = this.values.get(key);
        if (previous && sameStat(previous.value, value)) continue;
        const snapshot = { key, value, updatedAt: now };
        this.values.set(key, snapshot);
        if (previous) changed.push(snapshot);
      }
      if (changed.length > 0) this.emit('changed', changed);
    } catch (err) {
      this.logger.error({ event: 'stats-recompute-failed', err }, 'could not recompute statistics');
    }
  }

  close(): void {
    clearTimeout(this.timer);
  }
}
