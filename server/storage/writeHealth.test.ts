import { afterEach, expect, test, vi } from 'vitest';
import { WriteHealth } from './writeHealth.ts';

afterEach(() => {
  vi.useRealTimers();
});

test('a failed write is the problem until a write succeeds', async () => {
  const health = new WriteHealth();
  expect(() => health.track(() => {
    throw new Error('database or disk is full');
  })).toThrow('full');
  expect(health.current).toBe('database or disk is full');
  expect(health.track(() => 7)).toBe(7);
  expect(health.current).toBeNull();
  await expect(health.track(() => Promise.reject(new Error('connection terminated')))).rejects.toThrow('terminated');
  expect(health.current).toBe('connection terminated');
  await expect(health.track(() => Promise.resolve('ok'))).resolves.toBe('ok');
  expect(health.current).toBeNull();
});

test('a problem with no failure for a minute is forgotten (an instance out of rotation gets no writes)', () => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
  const health = new WriteHealth();
  health.failed(new Error('database or disk is full'));
  vi.setSystemTime(new Date('2026-11-28T12:00:59Z'));
  expect(health.current).toBe('database or disk is full');
  vi.setSystemTime(new Date('2026-11-28T12:01:01Z'));
  expect(health.current).toBeNull();
});
