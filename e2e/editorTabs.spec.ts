import { createDeckViaApi, expect, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';

test('two tabs of one deck in one browser both edit, and an audience link opened beside them never writes', async ({ signedInPage: page }) => {
  const title = uniqueTitle('E2E Tabs');
  const deck = await createDeckViaApi(page.request, title);
  const tabA = new DeckPage(page);
  const tabB = new DeckPage(await page.context().newPage());
  await tabA.goto(deck.id);
  await tabB.goto(deck.id);
  await tabA.typeAtEnd(' uit tab A');
  await expect(tabB.canvas).toContainText('uit tab A');
  await tabB.typeAtEnd(' en B');
  await expect(tabA.canvas).toContainText('en B');

  // The audience link in a third tab of the same (signed-in) browser: read-only, no controls.
  const link = await page.request.post(`/api/decks/${deck.id}/links`, { data: { label: 'tabs' } });
  expect(link.status()).toBe(201);
  const { url } = (await link.json()) as { url: string };
  const viewer = await page.context().newPage();
  await viewer.goto(url);
  await expect(viewer.getByText('De presentatie verschijnt hier zodra de presentator begint.')).toBeVisible();
  await expect(viewer.locator('[contenteditable="true"], textarea, input:not([type="hidden"])')).toHaveCount(0);
  // Editing goes on in the editor tabs while the viewer is open; the deck holds exactly their text.
  await tabA.typeAtEnd('!');
  await expect(tabB.canvas).toContainText('en B!');
  await viewer.close();
  const exported = await page.request.get(`/api/decks/${deck.id}/export.md`);
  const markdown = await exported.text();
  expect(markdown).toContain(`# ${title} uit tab A en B!`);
  await tabB.page.close();
});
