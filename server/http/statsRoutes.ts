/** The statistics catalogue and current values, for readers that do not need live updates. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { StatResponse, StatsCatalogueResponse } from '../../shared/api.ts';
import { MAX_STAT_KEY_LENGTH } from '../../shared/limits.ts';
import { STAT_CATALOGUE, STAT_KEYS } from '../../shared/statsCatalogue.ts';
import type { Services } from '../services.ts';
import { notFound, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';

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
    await stats.ready;
    const current = stats.get(key);
    if (!current) throw notFound('statistic');
    return current;
  });
}
