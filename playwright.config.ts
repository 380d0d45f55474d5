/**
 * End-to-end tests against the real server, which serves the built client (dist/client;
 * build it first with `npm run build`). One worker: the tests share one server and store.
 */
import { defineConfig, devices } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN } from './e2e/credentials.ts';

const port = process.env.E2E_PORT ?? '18457';
const base = `http://127.0.0.1:${port}`;

// The config is loaded by the runner and again by each worker; the environment carries the
// first process's directory to the others so only one is made.
const dataDir = (process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'tussenstand-e2e-')));

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  // One retry in CI on a loaded machine; a test that needed it is reported as flaky in the summary.
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 7_500 },
  use: {
    baseURL: base,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
  webServer: {
    // The server as `npm start` runs it: bundled, plain Node (scripts/test.sh builds it first).
    command: 'npm run --silent build:server && node dist/server/main.js',
    url: `${base}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    // E2E_LOG_LEVEL=info shows the server's log lines in the test output, for debugging.
    stdout: process.env.E2E_LOG_LEVEL ? 'pipe' : 'ignore',
    stderr: 'pipe',
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      // A build of the client elsewhere than dist/client (see README: parallel runs).
      ...(process.env.CLIENT_DIR ? { CLIENT_DIR: path.resolve(process.env.CLIENT_DIR) } : {}),
    },
  },
});
