/**
 * #17: every layout in every theme looks as it did — each slide of a reference deck (frozen
 * charts, so no figure changes it) drawn by the print page (the renderer every view shares)
 * and compared with a stored picture, e2e/references/<theme>-<n>.png, within a pixel bound.
 * An accidental change to a layout, a theme or the renderer fails here; a deliberate one is
 * recorded with `UPDATE_REFERENCES=1 npx playwright test e2e/themeReferences.spec.ts` and the
 * new pictures are looked at and committed with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DECK_THEMES } from '../shared/deckModel.ts';
import { expect, test, uniqueTitle } from './fixtures.ts';
import { pixelDifference, readPng, resize, writePng } from './pdfPages.ts';

const FIXTURE = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/theme-reference.md'), 'utf8');
const REFERENCES = path.join(import.meta.dirname, 'references');
const SLIDES = 7;
/** Share of pixels that may differ (anti-aliasing between runs stays far below it; a moved block or a wrong colour does not). */
const BOUND = 0.01;
const UPDATE = process.env.UPDATE_REFERENCES === '1';

for (const theme of DECK_THEMES) {
  test(`every layout in the ${theme} theme matches its reference`, async ({ signedInPage: page }, testInfo) => {
    const markdown = FIXTURE.replace(/^theme: .*$/m, `theme: ${theme}`).replace(/^title: .*$/m, `title: ${uniqueTitle(`E2E referentie ${theme}`)}`);
    const imported = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(markdown) });
    expect(imported.status(), await imported.text()).toBe(201);
    const { id } = (await imported.json()) as { id: string };
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`/decks/${id}/print`);
    await expect(page.locator('body')).toHaveAttribute('data-print-ready', 'true', { timeout: 30_000 });
    const problems: string[] = [];
    for (let i = 0; i < SLIDES; i++) {
      // Kept at half size: enough to see a block move or a colour change, small in the repository.
      const shot = resize(readPng(await page.locator(`section.print-page[data-print-slide="${i}"]`).screenshot()), 640, 360);
      const file = path.join(REFERENCES, `${theme}-${i + 1}.png`);
      if (UPDATE || !fs.existsSync(file)) {
        if (!UPDATE) problems.push(`${theme} slide ${i + 1}: no reference picture (record it with UPDATE_REFERENCES=1)`);
        fs.mkdirSync(REFERENCES, { recursive: true });
        writePng(shot, UPDATE ? file : testInfo.outputPath(`${theme}-${i + 1}.png`));
        continue;
      }
      const diff = pixelDifference(readPng(fs.readFileSync(file)), shot, 640, 360);
      if (diff.ratio > BOUND) {
        writePng(shot, testInfo.outputPath(`${theme}-${i + 1}-actual.png`));
        problems.push(`${theme} slide ${i + 1}: ${(diff.ratio * 100).toFixed(2)} % of pixels differ from ${path.relative(process.cwd(), file)}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}
