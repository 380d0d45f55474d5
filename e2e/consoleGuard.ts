/**
 * Fails a test on a console error (or an uncaught exception) in any page it opened, unless
 * the test said beforehand that it expects that error (`expectConsoleErrors`). A console
 * error is what a user's devtools would show in red: a page that logs one has a bug the
 * assertions of the test may not look at (a refused request, a React warning, a crash in a
 * listener), so every page of every test is watched, pages of extra browser contexts too.
 */
import type { Browser, BrowserContext, ConsoleMessage, Page } from '@playwright/test';

/** Errors a test declared for a page or for every page of a context. */
const expected = new WeakMap<Page | BrowserContext, RegExp[]>();

/**
 * Declares console errors that are part of what a test does (a server that refuses, a file
 * that is rejected): messages matching one of the patterns do not fail the test. A message
 * is matched as "text (url)", so a pattern may name the failing address. Declared on a
 * context, it holds for every page of that context.
 */
export function expectConsoleErrors(target: Page | BrowserContext, ...patterns: RegExp[]): void {
  expected.set(target, [...(expected.get(target) ?? []), ...patterns]);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The line the browser itself logs for a request the server refused, for expectConsoleErrors:
 * `refusedRequest(409, '/api/users')` matches "Failed to load resource: the server responded
 * with a status of 409 (Conflict) (http://…/api/users…)".
 */
export function refusedRequest(status: number, path: string): RegExp {
  return new RegExp(`^Failed to load resource: the server responded with a status of ${status} \\(.*\\) \\(https?://[^/]+${escape(path)}[^)]*\\)$`);
}

function isExpected(page: Page, message: string): boolean {
  const patterns = [...(expected.get(page) ?? []), ...(expected.get(page.context()) ?? [])];
  return patterns.some((pattern) => pattern.test(message));
}

function describe(message: ConsoleMessage): string {
  const { url } = message.location();
  return url ? `${message.text()} (${url})` : message.text();
}

/** Collects the unexpected errors of every page of the contexts it watches. */
export class ConsoleGuard {
  private readonly errors: string[] = [];
  private readonly watched = new WeakSet<BrowserContext>();

  watchContext(context: BrowserContext): void {
    if (this.watched.has(context)) return;
    this.watched.add(context);
    for (const page of context.pages()) this.watchPage(page);
    context.on('page', (page) => this.watchPage(page));
  }

  private watchPage(page: Page): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = describe(message);
      if (!isExpected(page, text)) this.errors.push(`console error on ${page.url()}: ${text}`);
    });
    page.on('pageerror', (error) => {
      const text = `${error.name}: ${error.message}`;
      if (!isExpected(page, text)) this.errors.push(`uncaught exception on ${page.url()}: ${text}`);
    });
  }

  /**
   * Watches contexts the test makes itself with `browser.newContext()` or `browser.newPage()`
   * until the returned function is called. The browser is shared by the worker's tests, so
   * the patch lasts one test only.
   */
  watchBrowser(browser: Browser): () => void {
    const newContext = browser.newContext.bind(browser);
    const newPage = browser.newPage.bind(browser);
    browser.newContext = async (...args) => {
      const context = await newContext(...args);
      this.watchContext(context);
      return context;
    };
    browser.newPage = async (...args) => {
      const page = await newPage(...args);
      this.watchContext(page.context());
      return page;
    };
    return () => {
      browser.newContext = newContext;
      browser.newPage = newPage;
    };
  }

  /** Throws, failing the test, when any page logged an error nobody declared. */
  check(): void {
    if (this.errors.length === 0) return;
    throw new Error(
      `Unexpected console errors (declare expected ones with expectConsoleErrors):\n${this.errors.map((e) => `  - ${e}`).join('\n')}`,
    );
  }
}
