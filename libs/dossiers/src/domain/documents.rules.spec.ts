import { checkDocuments } from './documents.rules';
import type { Procedure } from './procedure.types';

describe('documents rules', () => {
  const procedure = {
    code: 'P',
    requiredDocuments: [
      { code: 'a', name: 'Tờ khai', kind: 'original', required: true },
      { code: 'b', name: 'Giấy chứng sinh', kind: 'original', required: true },
      { code: 'c', name: 'Giấy tờ tùy thân', kind: 'copy', required: false },
    ],
  } as Procedure;

  it('keeps the catalog entries handed in, with their number of sets', () => {
    expect(checkDocuments(procedure, ['a', { code: 'b', copies: 2 }])).toEqual([
      expect.objectContaining({ code: 'a', copies: 1 }),
      expect.objectContaining({ code: 'b', name: 'Giấy chứng sinh', copies: 2 }),
    ]);
  });

  it('names the missing required document', () => {
    expect(() => checkDocuments(procedure, ['a', 'c'])).toThrow(
      expect.objectContaining({ code: 'DOCUMENT_MISSING', details: { documentCode: 'b', name: 'Giấy chứng sinh' } }),
    );
  });

  it('refuses a document the procedure does not list', () => {
    expect(() => checkDocuments(procedure, ['a', 'b', 'z'])).toThrow(
      expect.objectContaining({ code: 'DOCUMENT_UNKNOWN' }),
    );
  });
});
