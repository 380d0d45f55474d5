/**
 * Server settings, read once from the environment. Each field says its unit and effect.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_FRAME_BYTES } from '../shared/limits.ts';
import { DEFAULT_AWARENESS_RATE_LIMIT, DEFAULT_STATS_RATE_LIMIT, DEFAULT_SYNC_RATE_LIMIT, formatRateLimit, parseRateLimit, type RateLimit } from './ws/rateLimit.ts';

/** "<perSecond>/<burst>", "<perSecond>" or "off"/"0"; see server/sync/rateLimit.ts for the defaults' reasons. */
const rateLimitSetting = (fallback: RateLimit) =>
  z
    .string()
    .default(formatRateLimit(fallback))
    .transform((text, ctx) => {
      try {
        return parseRateLimit(text);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_FRAME_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_MAX_FRAME_BYTES),
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(2).default(500),
  IDLE_UNLOAD_MS: z.coerce.number().int().min(0).default(30_000),
  SESSION_DAYS: z.coerce.number().min(0.001).default(14),
  SEED_SAMPLE_DATA: z.enum(['true', 'false']).default('true'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  SERVE_CLIENT: z.enum(['true', 'false']).default('true'),
  KEEPALIVE_MS: z.coerce.number().int().min(100).max(25_000).default(12_000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'a redis:// URL').optional(),
  VERSION_EVERY_MS: z.coerce.number().int().min(1000).default(15 * 60_000),
  MAX_BUFFERED_BYTES: z.coerce.number().int().min(64 * 1024).default(32 * 1024 * 1024),
  SYNC_RATE_LIMIT: rateLimitSetting(DEFAULT_SYNC_RATE_LIMIT),
  AWARENESS_RATE_LIMIT: rateLimitSetting(DEFAULT_AWARENESS_RATE_LIMIT),
  STATS_RATE_LIMIT: rateLimitSetting(DEFAULT_STATS_RATE_LIMIT),
});

export interface Config {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  host: string;
  /** Where the SQLite file and uploaded images live. */
  dataDir: string;
  /** Password for the first admin; when absent a random one is printed once. */
  adminPassword: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Largest websocket frame accepted, in bytes; a larger one closes that socket with 4413. */
  maxFrameBytes: number;
  /** A deck's update log is compacted into a snapshot once it holds this many updates. */
  compactAfterUpdates: number;
  /** A deck with no connections is dropped from memory after this many milliseconds. */
  idleUnloadMs: number;
  /** Session lifetime in days. */
  sessionDays: number;
  /** Seed the example deck (and later the research log) into an empty store. */
  seedSampleData: boolean;
  /** Secure cookies: 'auto' sets Secure when the request came over TLS. */
  cookieSecure: 'auto' | 'true' | 'false';
  /** Trust X-Forwarded-* headers (set behind nginx). */
  trustProxy: boolean;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** Serve the built client (building it if missing); off for API-only processes and tests. */
  serveClient: boolean;
  /** A socket that has been sent nothing for this long gets a keep-alive (clients drop after 30 s of silence). */
  keepaliveMs: number;
  /** Bytes queued for one socket before it is closed as too slow to keep up (4508). */
  maxBufferedBytes: number;
  /** Sync messages (SyncStep1/2, Update) one /sync socket may send; more closes it with 4429. null: no limit. */
  syncRateLimit: RateLimit | null;
  /** Awareness messages one /sync socket may send; more closes it with 4429. null: no limit. */
  awarenessRateLimit: RateLimit | null;
  /** Messages one /stats socket may send; more closes it with 4429. null: no limit. */
  statsRateLimit: RateLimit | null;
  /** While a deck is being edited, an automatic version is kept at most this often (ms). */
  versionEveryMs: number;
  /** PostgreSQL instead of SQLite (several instances share it). */
  databaseUrl: string | undefined;
  /** Redis pub/sub between instances (documents, awareness, revocations, statistics). */
  redisUrl: string | undefined;
  /**
   * TESTS ONLY: let an import's remote images be fetched from loopback and private addresses
   * (a test's local HTTP server). Never read from the environment: always false in a real
   * server, where such addresses are refused (server/images/remoteImages.ts).
   */
  allowPrivateImageHosts: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${fields}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    adminPassword: e.ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    idleUnloadMs: e.IDLE_UNLOAD_MS,
    sessionDays: e.SESSION_DAYS,
    seedSampleData: e.SEED_SAMPLE_DATA === 'true',
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY === 'true',
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    serveClient: e.SERVE_CLIENT === 'true',
    keepaliveMs: e.KEEPALIVE_MS,
    maxBufferedBytes: e.MAX_BUFFERED_BYTES,
    syncRateLimit: e.SYNC_RATE_LIMIT,
    awarenessRateLimit: e.AWARENESS_RATE_LIMIT,
    statsRateLimit: e.STATS_RATE_LIMIT,
    versionEveryMs: e.VERSION_EVERY_MS,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    allowPrivateImageHosts: false,
  };
}

