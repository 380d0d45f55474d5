/**
 * Messages on the live-statistics websocket `/stats`, one JSON object per frame, validated
 * with zod at both ends. Close codes are those of shared/closeCodes.ts.
 */
import { z } from 'zod';

export const STATS_PATH = '/stats';
/** Most keys one subscribe message may name (the catalogue has a dozen). */
export const MAX_SUBSCRIBE_KEYS = 64;

const SeriesPoint = z.object({ label: z.string(), value: z.number() });
export const StatValueSchema = z.union([z.number(), z.array(SeriesPoint)]);

export const StatsClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), keys: z.array(z.string().max(100)).min(1).max(MAX_SUBSCRIBE_KEYS) }),
  z.object({ type: z.literal('unsubscribe'), keys: z.array(z.string().max(100)).min(1).max(MAX_SUBSCRIBE_KEYS) }),
]);
export type StatsClientMessage = z.infer<typeof StatsClientMessage>;

export const StatsServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stat'), key: z.string(), value: StatValueSchema, updatedAt: z.string() }),
  z.object({ type: z.literal('error'), key: z.string().optional(), message: z.string() }),
]);
export type StatsServerMessage = z.infer<typeof StatsServerMessage>;
