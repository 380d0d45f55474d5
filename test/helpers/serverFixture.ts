/**
 * One real server per describe block, with an admin signed in: started before the block's
 * tests and closed after them. Read `fx.s` and `fx.api` inside tests (they are set by then).
 */
import { afterAll, beforeAll } from 'vitest';
import { loggedIn, type ApiClient } from './apiClient.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './testServer.ts';

export interface ServerFixture {
  s: TestServer;
  api: ApiClient;
}

export function serverFixture(options: TestServerOptions = {}): ServerFixture {
  const fx = {} as ServerFixture;
  beforeAll(async () => {
    fx.s = await startTestServer(options);
    fx.api = await loggedIn(fx.s.url);
  });
  afterAll(async () => fx.s?.close());
  return fx;
}
