import { describe, expect, test } from 'vitest';
import { normalizeLinkInput, safeHref, safeImageSrc } from './safeUrl.ts';

describe('safeHref', () => {
  test.each(['https://www.riec.nl/noord-holland', 'http://example.org', 'mailto:onderzoek@riec.nl', 'HTTPS://EXAMPLE.ORG/a?b=c#d'])('allows %s', (url) => {
    expect(safeHref(url)).toBe(url);
  });

  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '/relative/path',
    '//evil.example',
    'https://',
    'mailto:',
    'mailto:not-an-address',
    '',
    42,
    null,
  ])('refuses %s', (url) => {
    expect(safeHref(url)).toBeNull();
  });
});

describe('normalizeLinkInput', () => {
  test('adds https to a bare host and mailto to an e-mail address', () => {
    expect(normalizeLinkInput('rijksoverheid.nl')).toEqual({ ok: true, href: 'https://rijksoverheid.nl' });
    expect(normalizeLinkInput('www.riec.nl/over-ons?x=1')).toEqual({ ok: true, href: 'https://www.riec.nl/over-ons?x=1' });
    expect(normalizeLinkInput('  naam@riec.nl ')).toEqual({ ok: true, href: 'mailto:naam@riec.nl' });
    expect(normalizeLinkInput('localhost.test:8080/x')).toEqual({ ok: true, href: 'https://localhost.test:8080/x' });
  });

  test('keeps allowed schemes and explains refusals', () => {
    expect(normalizeLinkInput('https://example.org/a')).toEqual({ ok: true, href: 'https://example.org/a' });
    expect(normalizeLinkInput('javascript:alert(document.cookie)')).toEqual({ ok: false, reason: 'protocol' });
    expect(normalizeLinkInput('data:text/html;base64,PHNjcmlwdD4=')).toEqual({ ok: false, reason: 'protocol' });
    expect(normalizeLinkInput('ftp://example.org')).toEqual({ ok: false, reason: 'protocol' });
    expect(normalizeLinkInput('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(normalizeLinkInput('just words')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalizeLinkInput('//evil.example')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('safeImageSrc', () => {
  test('allows uploaded images and absolute http(s) URLs', () => {
    expect(safeImageSrc('/api/images/abcDEF123_-x')).toBe('/api/images/abcDEF123_-x');
    expect(safeImageSrc('/api/images/abcDEF123_-x?token=tok-1')).toBe('/api/images/abcDEF123_-x?token=tok-1');
    expect(safeImageSrc('https://example.org/a.png')).toBe('https://example.org/a.png');
  });

  test('refuses everything else', () => {
    expect(safeImageSrc('data:image/svg+xml,<svg onload=alert(1)>')).toBeNull();
    expect(safeImageSrc('javascript:alert(1)')).toBeNull();
    expect(safeImageSrc('/api/images/../decks')).toBeNull();
    expect(safeImageSrc('/api/decks/x')).toBeNull();
    expect(safeImageSrc('mailto:a@b.nl')).toBeNull();
    expect(safeImageSrc(undefined)).toBeNull();
  });
});
