/** Version names in the UI language: the server's English labels, nested ones too, with their dates written out. */
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { VersionInfo } from '../api/deckFiles.ts';
import { en, NAMESPACES } from '../i18n/en.ts';
import { DEFAULT_NS, type Language } from '../i18n/index.ts';
import { nl } from '../i18n/nl.ts';
import { formatVersionTime, versionTitle } from './versionText.ts';

function translator(lng: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({ resources: { en, nl }, ns: [...NAMESPACES], defaultNS: DEFAULT_NS, lng, initAsync: false, interpolation: { escapeValue: false } });
  return instance.t;
}

const version = (kind: VersionInfo['kind'], label: string): VersionInfo => ({ id: 'v1', kind, label, createdAt: '2026-12-02T15:00:00.000Z', createdBy: null });

describe('versionTitle', () => {
  it('writes the date of a session version out, in British order in English', () => {
    expect(versionTitle(translator('nl'), version('session', 'as presented on 2026-12-02'), 'nl')).toBe('Zoals gepresenteerd op 2 december 2026');
    expect(versionTitle(translator('en'), version('session', 'as presented on 2026-12-02'), 'en')).toBe('As presented on 2 December 2026');
  });

  it('says a server label inside "before restoring" in the UI language too, however deep', () => {
    expect(versionTitle(translator('nl'), version('restore', 'before restoring “as presented on 2026-12-02”'), 'nl')).toBe('Vóór het terugzetten van “Zoals gepresenteerd op 2 december 2026”');
    expect(versionTitle(translator('en'), version('restore', 'before restoring “before restoring “automatic””'), 'en')).toBe('Before restoring “Before restoring “Saved automatically while editing””');
  });

  it('shows a label someone typed as typed, inside "before restoring" too', () => {
    expect(versionTitle(translator('en'), version('restore', 'before restoring “Eerste versie 2026-12-02”'), 'en')).toBe('Before restoring “Eerste versie 2026-12-02”');
    expect(versionTitle(translator('nl'), version('manual', 'as presented on 2026-12-02'), 'nl')).toBe('as presented on 2026-12-02');
  });
});

describe('formatVersionTime', () => {
  it('writes the month out, on the Dutch clock', () => {
    expect(formatVersionTime('2026-12-02T15:05:00.000Z', 'nl')).toMatch(/^2 december 2026.*16:05$/);
    expect(formatVersionTime('2026-12-02T15:05:00.000Z', 'en')).toMatch(/^2 December 2026.*16:05$/);
  });
});
