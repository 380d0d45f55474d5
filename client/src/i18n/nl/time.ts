/** Dutch strings, namespace `time`: the same keys as ../en/time.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const time: Translations['time'] = {
  justNow: 'zojuist',
};
