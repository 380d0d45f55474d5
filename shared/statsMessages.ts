/**
 * Messages on the live-statistics websocket `/stats`, one JSON object per frame, validated
 * with zod at both ends. Close codes are those of shared/closeCodes.ts.
 *
 * Written with `zod/mini` (the tree-shakable build of the same library): these schemas are
 * the only zod an attendee's browser loads, and full zod would add ~26 kB gzipped to a
 * slide with a live chart. Its issues carry codes, not English sentences, so
 * `describeStatsIssue` names the field for a close reason.
 */
import * as z from 'zod/mini';
import { MAX_STAT_KEY_LENGTH } from './limits.ts';

export const STATS_PATH = '/stats';
/** Most keys one subscribe message may name (the catalogue has a dozen). */
export const MAX_SUBSCRIBE_KEYS = 64;

const SeriesPart = z.object({ label: z.string(), value: z.number() });
/** `parts`: a point's breakdown by a second dimension (a stacked bar's segments), see statsCatalogue.ts. */
const SeriesPoint = z.object({ label: z.string(), value: z.number(), parts: z.optional(z.array(SeriesPart)) });
export const StatValueSchema = z.union([z.number(), z.array(SeriesPoint)]);

const StatKeys = z.array(z.string().check(z.maxLength(MAX_STAT_KEY_LENGTH))).check(z.minLength(1), z.maxLength(MAX_SUBSCRIBE_KEYS));

export const StatsClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), keys: StatKeys }),
  z.object({ type: z.literal('unsubscribe'), keys: StatKeys }),
]);
export type StatsClientMessage = z.infer<typeof StatsClientMessage>;

export const StatsServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stat'), key: z.string(), value: StatValueSchema, updatedAt: z.string() }),
  z.object({ type: z.literal('error'), key: z.optional(z.string()), message: z.string() }),
]);
export type StatsServerMessage = z.infer<typeof StatsServerMessage>;

/** "keys.0: too_big" — the first issue of a failed parse, short enough for a close reason. */
export function describeStatsIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not a stats message';
  const field = issue.path.length > 0 ? issue.path.join('.') : 'message';
  return `${field}: ${issue.code}`;
}
