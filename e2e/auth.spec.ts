/** Signing in and out through the UI. */
import { ADMIN, EXAMPLE_DECK_TITLE, expect, expectConsoleErrors, test, uniqueTitle } from './fixtures.ts';

test('a wrong password shows an error and keeps the user on the sign-in page', async ({ page, loginPage }) => {
  // The browser logs the refused sign-in (401) itself.
  expectConsoleErrors(page, /status of 401 .*\/api\/session/);
  await loginPage.goto();
  await loginPage.signIn(ADMIN.username, 'not-the-password');
  await expect(loginPage.error).toHaveText('Onjuiste gebruikersnaam of wachtwoord.');
  await expect(page).toHaveURL(/\/login$/);
  await expect(loginPage.password).toHaveValue('');
});

test('signing in as admin shows the deck list with the seeded example deck', async ({ page, loginPage, deckList }) => {
  await loginPage.goto();
  await loginPage.signIn(ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(/\/$/);
  await expect(deckList.heading).toHaveText('Presentaties');
  await expect(deckList.deckLink(EXAMPLE_DECK_TITLE)).toBeVisible();
  await expect(deckList.deckItem(EXAMPLE_DECK_TITLE)).toContainText('10 dia’s');
  // The header names the user and offers sign-out.
  const header = page.getByRole('banner');
  await expect(header).toContainText(ADMIN.displayName);
  await expect(header.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
});

test('repeated failures are throttled and the wait is shown', async ({ page, loginPage }) => {
  // A username of its own, so the throttle does not affect the admin account.
  const username = `nobody-${Date.now().toString(36)}`;
  expectConsoleErrors(page, /status of (401|429) .*\/api\/session/);
  await loginPage.goto();
  for (let i = 0; i < 5; i++) {
    await loginPage.signIn(username, 'wrong-password');
    await expect(loginPage.error).toHaveText('Onjuiste gebruikersnaam of wachtwoord.');
  }
  await loginPage.signIn(username, 'wrong-password');
  await expect(loginPage.error).toHaveText(/^Te veel mislukte inlogpogingen\. Probeer het over \d+ minuten? opnieuw\.$/);
});

test('an unauthenticated visit goes to sign-in and comes back afterwards', async ({ page, loginPage, request }) => {
  // Make a deck with a separate API session, then visit it signed out.
  await request.post('/api/session', { data: { username: ADMIN.username, password: ADMIN.password } });
  const created = await request.post('/api/decks', { data: { title: uniqueTitle('Terugkeer') } });
  const deck = (await created.json()) as { id: string; title: string };

  await page.goto(`/decks/${deck.id}`);
  await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(`/decks/${deck.id}`)}`));
  await loginPage.signIn(ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(new RegExp(`/decks/${deck.id}$`));
  await expect(page.getByRole('textbox', { name: 'Titel van de presentatie' })).toHaveValue(deck.title);
});

test('signing out returns to the sign-in page and protects the list again', async ({ signedInPage: page, deckList }) => {
  await page.goto('/');
  // Signed out only once the list has come: a list request still under way would be refused (401).
  await expect(deckList.deckLink(EXAMPLE_DECK_TITLE)).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('status').filter({ hasText: 'Je bent uitgelogd.' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});

test('a signed-out visitor causes no console error: sign-in page, a deck’s address, an attendee link', async ({ browser, page, request }) => {
  await request.post('/api/session', { data: { username: ADMIN.username, password: ADMIN.password } });
  const deck = (await (await request.post('/api/decks', { data: { title: uniqueTitle('Uitgelogd') } })).json()) as { id: string; title: string };
  const link = (await (await request.post(`/api/decks/${deck.id}/links`, { data: { label: 'OM' } })).json()) as { url: string };
  // Said here as well as by the fixture's guard, because it is what this test is about.
  const errors: string[] = [];
  const watch = (p: typeof page) => p.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  watch(page);

  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await page.goto(`/decks/${deck.id}`);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();

  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    const attendee = await context.newPage();
    watch(attendee);
    await attendee.goto(link.url);
    await expect(attendee.getByRole('heading', { level: 1 })).toHaveText(deck.title);
    await expect(attendee.getByRole('main')).toContainText('Link: OM');
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
});
