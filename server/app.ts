/**
 * Builds one Tussenstand server: HTTP API, the sync websocket, storage and the built client,
 * all on one port. `main.ts` runs it; tests start it on a free port.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { ApiError, HealthResponse } from '../shared/api.ts';
import { STATS_PATH } from '../shared/statsMessages.ts';
import { SYNC_PATH } from '../shared/syncMessages.ts';
import { LoginThrottle, redisLoginThrottle } from './auth/loginThrottle.ts';
import type { Config } from './config.ts';
import { AccessBus } from './events.ts';
import { ensureClientBuilt, serveClient } from './http/clientFiles.ts';
import { deckRoutes } from './http/deckRoutes.ts';
import { installErrorHandler } from './http/httpErrors.ts';
import { applySecurityHeaders } from './http/securityHeaders.ts';
import { imageRoutes } from './http/imageRoutes.ts';
import { firstSlideRoutes } from './http/firstSlidePage.ts';
import { linkRoutes } from './http/linkRoutes.ts';
import { presentationRoutes } from './http/presentationRoutes.ts';
import { exportRoutes } from './http/exportRoutes.ts';
import { deckFileRoutes } from './http/deckFileRoutes.ts';
import { versionRoutes } from './http/versionRoutes.ts';
import { VersionService } from './versions/VersionService.ts';
import { ExportService } from './export/ExportService.ts';
import { researchRoutes } from './http/researchRoutes.ts';
import { statsRoutes } from './http/statsRoutes.ts';
import { ResearchService } from './research/ResearchService.ts';
import { StatsHub } from './stats/StatsHub.ts';
import { StatsServer } from './stats/StatsServer.ts';
import { installRequestAccess } from './http/requestAccess.ts';
import { sessionRoutes } from './http/sessionRoutes.ts';
import { userRoutes } from './http/userRoutes.ts';
import { createLogger } from './logger.ts';
import { seedStore } from './seed/seedStore.ts';
import type { Services } from './services.ts';
import { PostgresStore } from './storage/PostgresStore.ts';
import { SqliteStore } from './storage/SqliteStore.ts';
import { RedisRelay } from './cluster/RedisRelay.ts';
import { shareThroughRelay } from './cluster/shareThroughRelay.ts';
import type { Store } from './storage/Store.ts';
import { RoomRegistry } from './sync/RoomRegistry.ts';
import { SyncServer } from './sync/SyncServer.ts';

export interface AppOptions {
  config: Config;
  logger?: Logger;
  store?: Store;
  /** Where the first admin's generated password is printed. */
  announce?: (line: string) => void;
}

/** One method and URL pattern the HTTP app answers, as Fastify registered it. */
export interface RegisteredRoute {
  method: string;
  url: string;
}

export interface TussenstandServer {
  app: FastifyInstance;
  services: Services;
  /**
   * Every route registered on the app (HEAD twins of GET routes and the built client's
   * files included). The access-matrix test checks that each has an access rule, so a new
   * route cannot ship without one.
   */
  routes: readonly RegisteredRoute[];
  /** http://host:port once listening. */
  url: string;
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** JSON bodies above this size get 413 (deck imports set their own, larger limit). */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** How this server reaches itself (the export's headless browser): a wildcard address is not one. */
function selfOrigin(url: string): string {
  return url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:');
}

/** Fastify's trustProxy: trust the one hop next to us (what `trustProxy: 1` does; its types take no number). */
function trustedProxyHops(trustProxy: boolean): false | ((address: string, hop: number) => boolean) {
  return trustProxy ? (_address, hop) => hop < 1 : false;
}

export async function createServer(options: AppOptions): Promise<TussenstandServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const store =
    options.store ??
    (config.databaseUrl
      ? new PostgresStore(config.databaseUrl, (err) => logger.error({ event: 'postgres-error', err: err.message }, 'PostgreSQL connection error'))
      : new SqliteStore({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous }));
  await store.migrate();
  await seedStore(store, logger, {
    adminPassword: config.adminPassword,
    seedSampleData: config.seedSampleData,
    announce: options.announce ?? ((line) => process.stdout.write(`\n  ${line}\n\n`)),
  });

  const bus = new AccessBus();
  const relay = config.redisUrl ? new RedisRelay(config.redisUrl, logger.child({ component: 'redis' })) : null;
  await relay?.start();
  const registry = new RoomRegistry({ store, logger, relay, compactAfterUpdates: config.compactAfterUpdates, idleUnloadMs: config.idleUnloadMs });
  const app: FastifyInstance = Fastify({
    loggerInstance: logger.child({ component: 'http' }) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    // One hop: the nginx of docs/deploy.md. request.ip is then the address that proxy saw (the
    // right-most X-Forwarded-For entry), not one the client wrote into the header itself,
    // which would let a guesser pick a new address for the login throttle on every try.
    trustProxy: trustedProxyHops(config.trustProxy),
    // API requests are logged; health checks and static files would only drown them.
    logController: new LogController({ disableRequestLogging: (request) => !request.url.startsWith('/api/') }),
    // A URL that cannot be decoded never reaches the hooks; answer it in the API's error shape.
    frameworkErrors: (error, request, reply: FastifyReply) => {
      const body: ApiError = { error: 'bad-request', message: error.code === 'FST_ERR_BAD_URL' ? 'malformed URL' : 'bad request' };
      void applySecurityHeaders(request.raw, reply.raw).finally(() => void reply.code(400).send(body));
    },
  });
  // Collected before anything registers a route; see TussenstandServer.routes.
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  await app.register(fastifyCookie);
  const sync = new SyncServer({ store, logger: logger.child({ component: 'sync' }), registry, bus, maxFrameBytes: config.maxFrameBytes,
    keepaliveAfterMs: config.keepaliveMs,
    maxBufferedBytes: config.maxBufferedBytes,
    rateLimits: { sync: config.syncRateLimit, awareness: config.awarenessRateLimit },
    parseCookie: (h) => app.parseCookie(h),
  });
  const research = new ResearchService(store);
  const stats = new StatsHub(store, logger.child({ component: 'stats' }));
  research.on('changed', () => stats.invalidate());
  if (relay) shareThroughRelay(relay, bus, research, stats);
  const statsServer = new StatsServer({ store, logger: logger.child({ component: 'stats' }), bus, hub: stats, audienceStatKeys: (deckId) => registry.audienceStatKeys(deckId), rateLimit: config.statsRateLimit, maxBufferedBytes: config.maxBufferedBytes, parseCookie: (h) => app.parseCookie(h) });
  const services: Services = { config, store, logger, bus, registry, sync, throttle: relay ? redisLoginThrottle(relay.commands) : new LoginThrottle(),
    research,
    stats,
    exports: new ExportService(logger.child({ component: 'export' }), () => selfOrigin(server.url)),
    versions: new VersionService(store, registry, stats, config.versionEveryMs),
  };
  registry.onEdited = (deckId) => services.versions.noteEdited(deckId);
  registry.onAudienceStatKeys = (deckId, keys) => statsServer.audienceKeysChanged(deckId, keys);

  app.addHook('onRequest', async (request, reply) => applySecurityHeaders(request.raw, reply.raw));
  installErrorHandler(app);
  installRequestAccess(app, services);

  app.get('/healthz', async (_request, reply) => {
    const problem = relay?.problem ?? (store.writeProblem === null ? null : `store: ${store.writeProblem}`);
    const body = { ok: problem === null, store: store.kind, redis: relay ? relay.healthy : null, openDecks: registry.size, connections: sync.connectionCount, statsConnections: statsServer.connectionCount, ...(problem ? { reason: problem } : {}) } satisfies HealthResponse;
    return reply.status(problem ? 503 : 200).send(body);
  });
  sessionRoutes(app, services);
  userRoutes(app, services);
  deckRoutes(app, services);
  linkRoutes(app, services);
  imageRoutes(app, services);
  researchRoutes(app, services);
  presentationRoutes(app, services);
  exportRoutes(app, services);
  deckFileRoutes(app, services);
  versionRoutes(app, services);
  statsRoutes(app, services);
  if (config.serveClient) {
    await ensureClientBuilt(logger);
    await serveClient(app);
    firstSlideRoutes(app, services);
  }

  app.server.on('upgrade', (req, socket, head) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname.startsWith(`${SYNC_PATH}/`)) {
      let deckId = '';
      try {
        deckId = decodeURIComponent(pathname.slice(SYNC_PATH.length + 1));
      } catch {
        deckId = '';
      }
      sync.handleUpgrade(req, socket, head, deckId);
      return;
    }
    if (pathname === STATS_PATH) {
      statsServer.handleUpgrade(req, socket, head);
      return;
    }
    socket.destroy();
  });

  const server: TussenstandServer = {
    app,
    services,
    routes,
    url: '',
    async listen() {
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      server.url = `http://${host}:${address.port}`;
      return server.url;
    },
    async close() {
      await sync.close();
      await statsServer.close();
      stats.close();
      await registry.closeAll();
      await app.close();
      await services.exports.close();
      await relay?.close();
      await store.close();
    },
  };
  return server;
}
