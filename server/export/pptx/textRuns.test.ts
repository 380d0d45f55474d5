/**
 * Text formatting in the PowerPoint export (issue #17): the slide XML a reader of the file
 * gets carries the size (`sz`), the theme's colour for a colour key (`solidFill`), the
 * highlight, the paragraph's alignment (`algn`) and line spacing (`lnSpc`).
 */
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { buildDeck } from '../../../shared/deckFile/buildDeck.ts';
import { parseDeck } from '../../../shared/deckFile/parseDeck.ts';
import { getSlide, listSlides } from '../../../shared/deckModel.ts';
import { highlightHex, textColourHex } from '../../../shared/textFormat.ts';
import { deckToPptx } from '../pptx.ts';

function deck(theme: string): Y.Doc {
  const doc = new Y.Doc();
  buildDeck(
    doc,
    parseDeck(`---
format: tussenstand/1
title: Opmaak
theme: ${theme}
language: nl
---

<!-- slide: layout=title-content -->

## Kop in het midden {align=center}

Gewoon <span data-size="150">groot</span> <span data-color="accent2">gekleurd</span> <span data-highlight="accent">gemarkeerd</span> {align=right spacing=1.5}

- <span data-size="75">klein punt</span> {spacing=2}

---

<!-- slide: layout=section -->

# Sectie

<span data-color="accent">op de sectiekleur</span>
`),
  );
  return doc;
}

async function slideXml(doc: Y.Doc): Promise<string[]> {
  const zip = await JSZip.loadAsync(await deckToPptx(Y.encodeStateAsUpdate(doc), { statValue: () => undefined, image: async () => null, title: 'Opmaak' }));
  return Promise.all(listSlides(doc).map((_, i) => zip.file(`ppt/slides/slide${i + 1}.xml`)!.async('string')));
}

/** The run holding `text`, with its properties. */
const run = (xml: string, text: string): string => new RegExp(`<a:r><a:rPr[^>]*>(?:(?!</a:r>).)*<a:t>${text}</a:t></a:r>`, 's').exec(xml)?.[0] ?? '';
/** The paragraph holding `text`. */
const paragraph = (xml: string, text: string): string => new RegExp(`<a:p>(?:(?!</a:p>).)*${text}(?:(?!</a:p>).)*</a:p>`, 's').exec(xml)?.[0] ?? '';

describe('text formatting in PowerPoint', () => {
  for (const theme of ['tussenstand', 'nacht', 'contrast']) {
    test(`${theme}: size, colour, highlight, alignment and line spacing reach the slide XML`, async () => {
      const [slide, section] = await slideXml(deck(theme));
      // 20 pt body text at 150 % and 75 %.
      expect(run(slide!, 'groot')).toMatch(/sz="3000"/);
      expect(run(slide!, 'klein punt')).toMatch(/sz="1500"/);
      expect(run(slide!, 'Gewoon ')).not.toMatch(/sz="3000"/);
      // The theme's colour for the key, in the shade that reads on its background.
      expect(run(slide!, 'gekleurd')).toContain(`<a:solidFill><a:srgbClr val="${textColourHex(theme, 'accent2')}"/></a:solidFill>`);
      expect(run(slide!, 'gemarkeerd')).toContain(`<a:highlight><a:srgbClr val="${highlightHex(theme, 'accent')}"/></a:highlight>`);
      expect(paragraph(slide!, 'gekleurd')).toMatch(/<a:pPr[^>]*algn="r"/);
      expect(paragraph(slide!, 'gekleurd')).toContain('<a:lnSpc><a:spcPct val="150000"/></a:lnSpc>');
      expect(paragraph(slide!, 'klein punt')).toContain('<a:lnSpc><a:spcPct val="200000"/></a:lnSpc>');
      expect(paragraph(slide!, 'Kop in het midden')).toMatch(/algn="ctr"/);
      // On a section slide coloured text keeps the section's text colour (as the slide CSS draws it).
      expect(run(section!, 'op de sectiekleur')).not.toContain(textColourHex(theme, 'accent'));
    });
  }

  test('a value a forged client wrote is not exported', async () => {
    const doc = deck('tussenstand');
    const fragment = getSlide(doc, listSlides(doc)[0]!.id)!.content;
    const text = (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(0, 6, { fontSize: { size: 100000 }, textColor: { color: 'FF0000' } });
    (fragment.get(1) as Y.XmlElement).setAttribute('textAlign', 'dist');
    (fragment.get(1) as Y.XmlElement).setAttribute('lineSpacing', '100');
    const [slide] = await slideXml(doc);
    expect(run(slide!, 'Gewoon ')).not.toMatch(/sz=|FF0000/);
    expect(paragraph(slide!, 'gekleurd')).not.toMatch(/algn="dist"|lnSpc/);
  });
});
