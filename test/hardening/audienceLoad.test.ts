/**
 * Load, fast version (in `npm test`): 100 attendees and 3 editors on one deck for 5 s. Every
 * update reaches every attendee, nobody is disconnected, the server's memory stays bounded.
 * The long version (500 attendees, 10 editors, a minute) is test/stress/audienceLoad.stress.ts.
 */
import { expect, test } from 'vitest';
import { recordFigure } from '../helpers/stressReport.ts';
import { checkAudienceResult, runAudienceScenario, type AudienceScenarioOptions } from './audienceScenario.ts';

const options: AudienceScenarioOptions = { attendees: 100, editors: 3, seconds: 5, keystrokeEveryMs: 100, probes: 3 };

test('100 attendees and 3 editors for 5 s: every update delivered, no disconnects, memory bounded', async () => {
  const result = await runAudienceScenario(options);
  // The server sits near 180 MiB here (measured); 400 MiB, or 100 MiB of growth in 5 s, means a leak.
  checkAudienceResult(result, { ...options, section: 'Audience load (fast: 100 attendees, 3 editors, 5 s)', maxRssBytes: 400 * 1048576, maxRssGrowthBytes: 100 * 1048576 }, (v, m) => expect(v, m), recordFigure);
}, 120_000);
