/**
 * Slows down password guessing: after 5 failed logins for one username from one address
 * within 15 minutes, that pair waits 15 minutes; one address gets 50 failures an hour in
 * all. Counting failures only (not attempts) keeps a user who types correctly unaffected.
 * rate-limiter-flexible offers the same limiter on Redis for several instances.
 */
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';

export class LoginThrottle {
  constructor(
    private readonly perUser: RateLimiterAbstract = new RateLimiterMemory({ keyPrefix: 'login-user', points: 5, duration: 900, blockDuration: 900 }),
    private readonly perAddress: RateLimiterAbstract = new RateLimiterMemory({ keyPrefix: 'login-ip', points: 50, duration: 3600, blockDuration: 3600 }),
  ) {}

  /** Milliseconds to wait before another attempt is allowed, or 0. */
  async retryAfterMs(username: string, address: string): Promise<number> {
    const [user, ip] = await Promise.all([this.perUser.get(`${username}|${address}`), this.perAddress.get(address)]);
    const blocked = (res: typeof user, points: number): number => (res && res.consumedPoints >= points ? res.msBeforeNext : 0);
    return Math.max(blocked(user, this.perUser.points), blocked(ip, this.perAddress.points));
  }

  async recordFailure(username: string, address: string): Promise<void> {
    await Promise.all([
      this.perUser.consume(`${username}|${address}`).catch(() => undefined),
      this.perAddress.consume(address).catch(() => undefined),
    ]);
  }

  async recordSuccess(username: string, address: string): Promise<void> {
    await this.perUser.delete(`${username}|${address}`);
  }
}
