import { describe, expect, test } from 'vitest';
import { exportFileName, fileBaseName } from './fileNames.ts';

describe('file names', () => {
  test('the example title keeps its em dash, with single spaces', () => {
    expect(exportFileName('Tussenstand Spoor 3 — fenomeenonderzoek synthetische drugs', 'pdf')).toBe('Tussenstand Spoor 3 — fenomeenonderzoek synthetische drugs.pdf');
  });
  test('only characters illegal in file names go', () => {
    expect(fileBaseName('Q1/Q2: "cijfers" <concept>|v2?*')).toBe('Q1 Q2 cijfers concept v2');
    expect(fileBaseName('中間報告 🚀 café')).toBe('中間報告 🚀 café');
    expect(fileBaseName('tabs\tand\nnewlines\u0007')).toBe('tabs and newlines');
  });
  test('no trailing dots or spaces, no reserved names, never empty', () => {
    expect(fileBaseName('Verslag...  ')).toBe('Verslag');
    expect(fileBaseName('CON')).toBe('CON (deck)');
    expect(fileBaseName('///')).toBe('deck');
  });
  test('long titles are cut by characters, never inside an emoji', () => {
    const name = fileBaseName('🚀'.repeat(500));
    expect(Array.from(name)).toHaveLength(120);
    expect(name).toBe('🚀'.repeat(120));
  });
});
