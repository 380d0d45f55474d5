/** The statistics catalogue and current values, for readers that do not need live updates. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { StatResponse, StatsCatalogueResponse } from '../../shared/api.ts';
import { MAX_STAT_KEY_LENGTH } from '../../shared/limits.ts';
import { STAT_CATALOGUE, STAT_KEYS } from '../../shared/statsCatalogue.ts';
import type { Services } from '../services.ts';
import { HttpError, notFound, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';

/** How long a reader waits for the first computation before it gets the stored value. */
const STATS_READY_WAIT_MS = 2_000;

const KeyParams = z.object({ key: z.string().max(MAX_STAT_KEY_LENGTH) });

export function statsRoutes(app: FastifyInstance, services: Services): void {
  const { stats } = services;

  app.get('/api/stats', async (request) => {
    requireUser(request);
    return { stats: STAT_CATALOGUE } satisfies StatsCatalogueResponse;
  });

  app.get('/api/stats/:key', async (request): Promise<StatResponse> => {
    requireUser(request);
    const { key } = parse(KeyParams, request.params);
    if (!STAT_KEYS.has(key)) throw notFound('statistic');
    // A first computation that takes long does not hold the reader: after the bound the
    // stored value (with its date) is the answer, and none at all is a 503, not a wait.
    await Promise.race([stats.ready, new Promise((resolve) => setTimeout(resolve, STATS_READY_WAIT_MS).unref())]);
    const current = stats.get(key);
    if (!current) throw new HttpError(503, 'stats-not-ready', 'the statistics are still being computed: try again shortly');
    return current;
  });
}
