/**
 * Connects this instance's in-process events to the other instances: an access withdrawal
 * or research change here is published, and one published elsewhere is replayed here as if
 * it had happened locally (revoked links close their sockets on every instance).
 */
import type { AccessBus, AccessEvents } from '../events.ts';
import type { ResearchService } from '../research/ResearchService.ts';
import type { StatsHub } from '../stats/StatsHub.ts';
import type { RedisRelay } from './RedisRelay.ts';

const ACCESS_EVENTS: (keyof AccessEvents)[] = ['linkRevoked', 'sessionEnded', 'userSessionsEnded', 'deckTrashed'];

export function shareThroughRelay(relay: RedisRelay, bus: AccessBus, research: ResearchService, stats: StatsHub): void {
  // Set while replaying a remote event, so it is not published back out.
  let replaying = false;
  for (const event of ACCESS_EVENTS) {
    bus.on(event, (arg: string) => {
      if (!replaying) relay.publishAccess(event, arg);
    });
  }
  relay.on('access', (event, arg) => {
    if (!(ACCESS_EVENTS as string[]).includes(event)) return;
    replaying = true;
    try {
      bus.emit(event as keyof AccessEvents, arg);
    } finally {
      replaying = false;
    }
  });
  research.on('changed', () => relay.publishResearch());
  relay.on('research', () => stats.invalidate());
  // After an outage, statistics may have changed elsewhere unseen.
  relay.on('resynced', () => stats.invalidate());
}
