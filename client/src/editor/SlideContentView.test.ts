/**
 * The read-only renderer (thumbnails, presenter, attendees, print/PDF/HTML export) draws
 * every node the editor's schema has, code blocks highlighted as the editor does, and
 * images from other sites as a visible placeholder — with text only, never markup.
 */
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, test } from 'vitest';
import { en, NAMESPACES } from '../i18n/en.ts';
import { DEFAULT_NS } from '../i18n/index.ts';
import { nl } from '../i18n/nl.ts';
import { HighlightedCode } from '../format/HighlightedCode.tsx';
import { highlightCode, knownLanguage } from '../format/highlight.ts';
import { RENDERED_NODES, SlideContentView } from './SlideContentView.tsx';
import type { SlideNode, TextMarks } from './slideTree.ts';

const text = (value: string): SlideNode => ({ kind: 'text', text: value, marks: {} });
const el = (name: string, children: SlideNode[] = [], attrs: Record<string, unknown> = {}): SlideNode => ({ kind: 'element', name, attrs, children });
const i18n = i18next.createInstance();
void i18n.init({ resources: { en, nl }, ns: [...NAMESPACES], defaultNS: DEFAULT_NS, lng: 'nl', initAsync: false, interpolation: { escapeValue: false } });
const render = (nodes: SlideNode[], interactive = false): string =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(SlideContentView, { nodes, interactive })));

describe('SlideContentView', () => {
  test.each(RENDERED_NODES)('draws %s as itself', (name) => {
    expect(render([el(name, name === 'hardBreak' || name === 'horizontalRule' || name === 'image' ? [] : [text('x')], { src: '/api/images/abcdefgh12', statKey: 'interviews.total' })])).not.toContain('data-unknown-node');
  });

  test('an element it does not know keeps its text', () => {
    expect(render([el('callout', [text('Let op')])])).toBe('<div data-unknown-node="callout"><span>Let op</span></div>');
  });

  test('a code block is pre.code-block > code with the language class and the highlighting, its text as text', () => {
    const html = render([el('codeBlock', [text('if (a < b) {\n  return "<b>";\n}')], { language: 'js' })]);
    expect(html).toBe(
      '<pre class="code-block"><code class="language-js"><span class="hljs-keyword">if</span> (a &lt; b) {\n  <span class="hljs-keyword">return</span> <span class="hljs-string">&quot;&lt;b&gt;&quot;</span>;\n}</code></pre>',
    );
  });

  test('an image from another site is a placeholder with its description and address', () => {
    const html = render([el('image', [], { src: 'https://example.org/kaart.png', alt: 'Kaart <van> elders' })]);
    expect(html).not.toContain('<img');
    expect(html).toContain('class="image-remote"');
    expect(html).toContain('https://example.org/kaart.png');
    expect(html).toContain('Afbeelding van een andere website, hier niet getoond');
    expect(html).toContain('Beschrijving: Kaart &lt;van&gt; elders');
    // Interactive renderers (presenter, attendees) link to it.
    expect(render([el('image', [], { src: 'https://example.org/kaart.png', alt: '' })], true)).toContain('<a class="image-remote__url" href="https://example.org/kaart.png"');
  });

  test('an uploaded image is an img; an unsafe one is nothing', () => {
    expect(render([el('image', [], { src: '/api/images/abcdefgh12', alt: 'Grafiek' })])).toContain('<img src="/api/images/abcdefgh12" alt="Grafiek"');
    expect(render([el('image', [], { src: 'javascript:alert(1)', alt: 'x' })])).toBe('');
  });
});

describe('HighlightedCode', () => {
  test('highlights a known language with hljs spans', () => {
    const html = renderToStaticMarkup(createElement(HighlightedCode, { code: 'const stand = 42; // tussenstand', language: 'ts' }));
    expect(html).toContain('<code class="language-ts">');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('<span class="hljs-number">42</span>');
    expect(html).toContain('<span class="hljs-comment">// tussenstand</span>');
  });

  test('knows aliases and is not case-sensitive', () => {
    expect(knownLanguage('TypeScript')).toBe('typescript');
    expect(knownLanguage('py')).toBe('py');
    expect(knownLanguage('klingon')).toBeNull();
    expect(knownLanguage(undefined)).toBeNull();
  });

  test('a language it does not know, or none, is plain text', () => {
    expect(highlightCode('x = 1', 'klingon')).toBeNull();
    expect(renderToStaticMarkup(createElement(HighlightedCode, { code: 'x = 1', language: 'klingon' }))).toBe('<code class="language-klingon">x = 1</code>');
    expect(renderToStaticMarkup(createElement(HighlightedCode, { code: 'x = 1', language: undefined }))).toBe('<code>x = 1</code>');
  });

  test('markup in code stays text, and the language cannot add classes', () => {
    const html = renderToStaticMarkup(createElement(HighlightedCode, { code: '<img src=x onerror=alert(1)>', language: 'html' }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;');
    expect(renderToStaticMarkup(createElement(HighlightedCode, { code: 'a', language: 'x" onclick="y' }))).toBe('<code class="language-xonclicky">a</code>');
  });
});

const run = (marks: TextMarks): SlideNode => ({ kind: 'text', text: 'x', marks });

describe('SlideContentView text formatting (issue #17)', () => {
  test('size, colour, highlight, alignment and line spacing are drawn as the editor draws them', () => {
    expect(render([el('paragraph', [run({ fontSize: 150, textColor: 'accent', highlight: 'accent2', bold: true })], { textAlign: 'center', lineSpacing: '1.5' })])).toBe(
      '<p data-align="center" data-line-spacing="1.5"><span><strong><span data-size="150"><span data-color="accent"><span data-highlight="accent2">x</span></span></span></strong></span></p>',
    );
    expect(render([el('heading', [text('Kop')], { level: 2, textAlign: 'right' })])).toBe('<h2 data-align="right"><span>Kop</span></h2>');
  });

  test('a value off the allow-lists (a forged client wrote it) is not drawn: the text stays, plain', () => {
    const hostile = ['red', '#f00', '"><script>alert(1)</script>', 'accent;background:url(x)', 1e9, { color: 'accent' }];
    for (const value of hostile) {
      expect(render([el('paragraph', [run({ fontSize: value, textColor: value, highlight: value })], { textAlign: value, lineSpacing: value })])).toBe('<p><span>x</span></p>');
    }
  });
});
