/**
 * `npm run test:stress` (scripts/stress.mjs): the long, high-volume runs. The stress-only
 * files (test/stress/**\/*.stress.ts, which `npm test` never picks up) and the hardening tests
 * again, with STRESS=1 so they use their larger volumes and record figures for the report.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/stress/**/*.stress.ts', 'test/hardening/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    env: { STRESS: '1' },
    testTimeout: 600_000,
    hookTimeout: 120_000,
    // One file at a time: load figures measured while another stress file hammers the same
    // two cores would say more about the neighbour than about the server.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
