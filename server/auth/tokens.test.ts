import { expect, test } from 'vitest';
import { newId } from './tokens.ts';

test('ids are url-safe and never start with a dash or underscore', () => {
  for (let i = 0; i < 2000; i++) expect(newId()).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{15}$/);
});
