import { expect, test } from 'vitest';
import { COLLECTION_SPECS, COLLECTIONS, CSV_COLUMNS } from './research.ts';

test('the CSV columns the client shows are the ones the server imports and exports', () => {
  for (const collection of COLLECTIONS) {
    const spec = COLLECTION_SPECS[collection];
    const column = (field: string) => (spec.csvOrganisationColumn?.field === field ? spec.csvOrganisationColumn.column : field);
    expect(CSV_COLUMNS[collection].all, collection).toEqual(Object.keys(spec.fields).map(column));
    expect(CSV_COLUMNS[collection].optional, collection).toEqual((spec.optional ?? []).map(column));
  }
});
