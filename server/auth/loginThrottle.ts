/**
 * Slows down password guessing: after 5 failed logins for one username from one address
 * within 15 minutes, that pair waits 15 minutes; one address gets 50 failures an hour in
 * all. Only failures count in the end (a correct password gives its point back), so a user
 * who types correctly is unaffected.
 * rate-limiter-flexible offers the same limiter on Redis for several instances.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

const PER_USER = { keyPrefix: 'login-user', points: 5, duration: 900, blockDuration: 900 };
const PER_ADDRESS = { keyPrefix: 'login-ip', points: 50, duration: 3600, blockDuration: 3600 };

/**
 * Counters shared by every instance through Redis; while Redis is unreachable each instance
 * falls back to its own memory rather than refusing every sign-in.
 */
export function redisLoginThrottle(client: Redis): LoginThrottle {
  const limiter = (opts: typeof PER_USER) =>
    new RateLimiterRedis({ ...opts, storeClient: client, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(opts) });
  return new LoginThrottle(limiter(PER_USER), limiter(PER_ADDRESS));
}

/** How long a refused attempt must wait (a store error counts as one second). */
const waitMs = (res: unknown): number => (res instanceof RateLimiterRes ? Math.max(1000, res.msBeforeNext) : 1000);

export class LoginThrottle {
  constructor(
    private readonly perUser: RateLimiterAbstract = new RateLimiterMemory(PER_USER),
    private readonly perAddress: RateLimiterAbstract = new RateLimiterMemory(PER_ADDRESS),
  ) {}

  /**
   * Counts an attempt as failed before the password is checked, so parallel guesses are
   * counted too; returns the milliseconds to wait when the attempt is refused, else 0.
   * A correct password gives the point back (see succeeded).
   */
  async reserve(username: string, address: string): Promise<number> {
    const key = `${username}|${address}`;
    try {
      await this.perUser.consume(key);
    } catch (res) {
      return waitMs(res);
    }
    try {
      await this.perAddress.consume(address);
    } catch (res) {
      return waitMs(res);
    }
    return 0;
  }

  /** The password was right: the reserved failure is withdrawn and the user's count cleared. */
  async succeeded(username: string, address: string): Promise<void> {
    await Promise.all([this.perUser.delete(`${username}|${address}`), this.perAddress.reward(address, 1)]);
  }
}
