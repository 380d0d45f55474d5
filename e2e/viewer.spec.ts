/** The attendee placeholder at /v/:token and the not-found page. */
import { createDeckViaApi, expect, expectConsoleErrors, refusedRequest, test, uniqueTitle } from './fixtures.ts';

test('an unknown link shows a clear "link not found" message', async ({ page }) => {
  // The server's 404 for the link is what the page explains.
  expectConsoleErrors(page, refusedRequest(404, '/api/links/this-is-not-a-real-token'));
  await page.goto('/v/this-is-not-a-real-token');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Link niet gevonden');
  await expect(page.getByRole('main')).toContainText('Deze link bestaat niet');
});

test('a valid link shows the deck title; once revoked it says so', async ({ browser, signedInPage: page }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E link'));
  const created = await page.request.post(`/api/decks/${deck.id}/links`, { data: { label: 'OM' } });
  expect(created.status()).toBe(201);
  const link = (await created.json()) as { token: string; url: string };

  // An attendee has no session: use a fresh context.
  const attendee = await browser.newPage();
  // Once revoked the server answers 410 for the link: that is what the page says.
  expectConsoleErrors(attendee, refusedRequest(410, `/api/links/${link.token}`));
  try {
    await attendee.goto(link.url);
    await expect(attendee.getByRole('heading', { level: 1 })).toHaveText(deck.title);
    await expect(attendee.getByRole('main')).toContainText('Link: OM');

    const revoked = await page.request.delete(`/api/decks/${deck.id}/links/${link.token}`);
    expect(revoked.status()).toBe(200);
    await attendee.reload();
    await expect(attendee.getByRole('heading', { level: 1 })).toHaveText('Link ingetrokken');
  } finally {
    await attendee.close();
  }
});

test('an unknown path shows the not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
});
