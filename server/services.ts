/** What the HTTP routes and websocket servers share; built once in app.ts. */
import type { Logger } from 'pino';
import type { LoginThrottle } from './auth/loginThrottle.ts';
import type { Config } from './config.ts';
import type { AccessBus } from './events.ts';
import type { ExportService } from './export/ExportService.ts';
import type { ResearchService } from './research/ResearchService.ts';
import type { StatsHub } from './stats/StatsHub.ts';
import type { Store } from './storage/Store.ts';
import type { VersionService } from './versions/VersionService.ts';
import type { RoomRegistry } from './sync/RoomRegistry.ts';
import type { SyncServer } from './sync/SyncServer.ts';

export interface Services {
  config: Config;
  store: Store;
  logger: Logger;
  bus: AccessBus;
  registry: RoomRegistry;
  sync: SyncServer;
  throttle: LoginThrottle;
  research: ResearchService;
  stats: StatsHub;
  exports: ExportService;
  versions: VersionService;
}
