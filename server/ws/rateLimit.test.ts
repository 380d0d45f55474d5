import { describe, expect, test } from 'vitest';
import { loadConfig } from '../config.ts';
import { parseRateLimit, TokenBucket } from './rateLimit.ts';

describe('rate limits', () => {
  test('[LM4] settings parse as "<perSecond>/<burst>", "<perSecond>", "off" or "0"', () => {
    expect(parseRateLimit('300/3000')).toEqual({ perSecond: 300, burst: 3000 });
    expect(parseRateLimit(' 50 ')).toEqual({ perSecond: 50, burst: 500 });
    expect(parseRateLimit('off')).toBeNull();
    expect(parseRateLimit('OFF')).toBeNull();
    expect(parseRateLimit('0')).toBeNull();
    expect(parseRateLimit('0/100')).toBeNull();
    for (const bad of ['', 'fast', '-1/5', '10/0', '10/', '/10', '1e3']) expect(() => parseRateLimit(bad), bad).toThrow();
  });

  test('[LM4] the environment sets the limits; a bad value stops the start with the variable named', () => {
    expect(loadConfig({})).toMatchObject({ syncRateLimit: { perSecond: 300, burst: 3000 }, awarenessRateLimit: { perSecond: 120, burst: 600 }, statsRateLimit: { perSecond: 20, burst: 200 } });
    expect(loadConfig({ SYNC_RATE_LIMIT: 'off', AWARENESS_RATE_LIMIT: '10/20', STATS_RATE_LIMIT: '0' })).toMatchObject({ syncRateLimit: null, awarenessRateLimit: { perSecond: 10, burst: 20 }, statsRateLimit: null });
    expect(() => loadConfig({ SYNC_RATE_LIMIT: 'lots' })).toThrow(/SYNC_RATE_LIMIT/);
  });

  test('[LM4] a bucket allows its burst at once, then its rate, and refills to the burst only', () => {
    let now = 0;
    const bucket = new TokenBucket({ perSecond: 10, burst: 5 }, () => now);
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 100; // one token
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 60_000; // a long pause refills to the burst, not beyond
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  test('[LM4] credits (echoes the peer will send) may raise the balance to twice the burst', () => {
    const now = 0;
    const bucket = new TokenBucket({ perSecond: 10, burst: 5 }, () => now);
    for (let i = 0; i < 100; i++) bucket.credit();
    let allowed = 0;
    while (bucket.take()) allowed++;
    expect(allowed).toBe(10);
  });
});
