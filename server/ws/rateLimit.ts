/**
 * Per-socket message rate limits ([LM4], [ST6]).
 *
 * A tiny synchronous token bucket rather than rate-limiter-flexible's RateLimiterMemory
 * (which the login throttle uses): that limiter is keyed storage with a promise per
 * `consume()`, built for counters shared across requests or instances. Here the bucket
 * belongs to one socket, lives exactly as long as it, and is checked on every frame of a
 * hot path (a 260k-edit replay): two numbers on the connection and no allocation, no timer
 * and no promise per message is what fits.
 */

export interface RateLimit {
  /** Tokens added per second: the sustained message rate. */
  perSecond: number;
  /** Bucket size: how many messages may arrive at once after a quiet spell. */
  burst: number;
}

/**
 * Defaults. They must never cut a real user, only a runaway or hostile client.
 *
 * Sync (SyncStep1/2 and Update): the y-websocket client sends one Update per Yjs
 * transaction, unbatched. Fast typing is ~15 transactions a second, dragging slides or
 * resizing a box a few dozen, a paste or an import one. A reconnect sends SyncStep1 and
 * SyncStep2 (2 messages). Editing code that forgets `transact` can emit hundreds of
 * transactions at once (e.g. 2,000 single-character edits in one tick), which the burst of
 * 3,000 absorbs; 300 a second sustained is 20× the fastest typist. A flood script sends
 * tens of thousands a second and is cut within a fraction of a second.
 *
 * Awareness (Awareness and QueryAwareness): a caret or laser pointer follows the mouse at
 * up to 60 Hz (120 Hz on fast displays), the caret also moves with every keystroke, and the
 * client renews its state every 15 s. 120 a second sustained covers a 120 Hz pointer
 * indefinitely; the burst of 600 covers five seconds at 240 Hz after a quiet spell.
 *
 * Stats (subscribe/unsubscribe): the client batches keys (up to 64 per message) and sends
 * one unsubscribe and one subscribe per change of the charts on screen; paging through a
 * deck quickly is a few messages a second. 20 a second with a burst of 200 is ample.
 */
export const DEFAULT_SYNC_RATE_LIMIT: RateLimit = { perSecond: 300, burst: 3000 };
export const DEFAULT_AWARENESS_RATE_LIMIT: RateLimit = { perSecond: 120, burst: 600 };
export const DEFAULT_STATS_RATE_LIMIT: RateLimit = { perSecond: 20, burst: 200 };

/**
 * Parses "<perSecond>/<burst>", "<perSecond>" (burst = 10 s worth), or "0"/"off" (no limit,
 * returned as null). Throws with a readable message on anything else.
 */
export function parseRateLimit(text: string): RateLimit | null {
  const value = text.trim().toLowerCase();
  if (value === 'off' || value === '0') return null;
  const match = /^(\d+(?:\.\d+)?)(?:\/(\d+))?$/.exec(value);
  if (!match) throw new Error(`expected "<perSecond>/<burst>", "<perSecond>" or "off", got "${text}"`);
  const perSecond = Number(match[1]);
  const burst = match[2] === undefined ? Math.max(1, Math.ceil(perSecond * 10)) : Number(match[2]);
  if (perSecond <= 0) return null;
  if (burst < 1) throw new Error(`burst must be at least 1, got "${text}"`);
  return { perSecond, burst };
}

export function formatRateLimit(limit: RateLimit | null): string {
  return limit ? `${limit.perSecond}/${limit.burst}` : 'off';
}

/**
 * A token bucket: starts full, refills continuously at `perSecond`, never above `burst`.
 * `take()` spends one token and returns false once the bucket is empty.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.tokens = limit.burst;
    this.last = this.now();
  }

  take(): boolean {
    const now = this.now();
    const elapsed = now - this.last;
    this.last = now;
    // Refilling never lowers a balance that credits raised above the burst.
    if (elapsed > 0 && this.tokens < this.limit.burst) this.tokens = Math.min(this.limit.burst, this.tokens + (elapsed / 1000) * this.limit.perSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /**
   * Adds one token for a message the peer is known to answer one-for-one (an awareness
   * message the server sent it, which the y-websocket client echoes back). Credits may
   * raise the balance to twice the burst, so a burst of relayed states followed by their
   * echoes does not use up the peer's own allowance.
   */
  credit(): void {
    this.tokens = Math.min(2 * this.limit.burst, this.tokens + 1);
  }
}

/** A bucket for `limit`, or null when limiting is off. */
export function bucketFor(limit: RateLimit | null): TokenBucket | null {
  return limit ? new TokenBucket(limit) : null;
}
