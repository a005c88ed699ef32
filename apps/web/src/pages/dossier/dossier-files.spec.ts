import { describe, expect, it } from '@jest/globals';
import type { StoredFile } from '../../files';
import { groupDossierFiles } from './dossier-files';

const file = (id: string, change: Partial<StoredFile>): StoredFile => ({
  id,
  dossierCode: 'D1',
  fileName: `${id}.pdf`,
  size: 10,
  sha256: 'x',
  contentType: 'application/pdf',
  kind: 'document',
  documentKey: null,
  taskId: null,
  uploadedBy: 'reception',
  uploadedAt: '2026-12-07T02:00:00.000Z',
  ...change,
});

const history = [
  { step: 'Thẩm định hồ sơ', at: '2026-12-07T02:00:00.000Z', completedAt: '2026-12-07T03:00:00.000Z', taskId: 't1' },
  { step: 'Phê duyệt', at: '2026-12-07T03:00:00.000Z', completedAt: null },
];

describe('the dossier page sorts its files', () => {
  it('puts documents under their listed document, oldest first, and the rest aside', () => {
    const grouped = groupDossierFiles(
      [
        file('b', { documentKey: 'GT01', uploadedAt: '2026-12-07T02:05:00.000Z' }),
        file('a', { documentKey: 'GT01', uploadedAt: '2026-12-07T02:01:00.000Z' }),
        file('c', { documentKey: 'GT02' }),
        file('z', { documentKey: 'GONE' }),
      ],
      ['GT01', 'GT02'],
      [],
    );
    expect(grouped.byDocument.get('GT01')?.map((f) => f.id)).toEqual(['a', 'b']);
    expect(grouped.byDocument.get('GT02')?.map((f) => f.id)).toEqual(['c']);
    expect(grouped.otherDocuments.map((f) => f.id)).toEqual(['z']);
  });

  it('puts attachments under their step: by task id, else by when they were uploaded', () => {
    const grouped = groupDossierFiles(
      [
        file('late', { kind: 'attachment', uploadedAt: '2026-12-07T05:00:00.000Z' }),
        file('named', { kind: 'attachment', taskId: 't1', uploadedAt: '2026-12-07T09:00:00.000Z' }),
        file('timed', { kind: 'attachment', taskId: 'unknown', uploadedAt: '2026-12-07T02:30:00.000Z' }),
        file('before', { kind: 'attachment', uploadedAt: '2026-12-07T01:00:00.000Z' }),
      ],
      [],
      history,
    );
    expect(grouped.steps.map((s) => [s.step, s.files.map((f) => f.id)])).toEqual([
      ['Thẩm định hồ sơ', ['timed', 'named']],
      ['Phê duyệt', ['late']],
      ['Bước xử lý', ['before']],
    ]);
  });

  it('names a step by the opinion written on its task when the slip does not carry task ids', () => {
    const grouped = groupDossierFiles(
      [
        file('op', { kind: 'attachment', taskId: 't9', uploadedAt: '2026-12-07T03:30:00.000Z' }),
        file('early', { kind: 'attachment', uploadedAt: '2026-12-07T02:10:00.000Z' }),
      ],
      [],
      history,
      [{ taskId: 't9', step: 'Lãnh đạo phòng phê duyệt', createdAt: '2026-12-07T03:40:00.000Z' }],
    );
    expect(grouped.steps.map((s) => [s.step, s.files.map((f) => f.id)])).toEqual([
      ['Thẩm định hồ sơ', ['early']],
      ['Lãnh đạo phòng phê duyệt', ['op']],
    ]);
  });

  it('keeps result files apart', () => {
    const grouped = groupDossierFiles(
      [file('r', { kind: 'result' }), file('d', { documentKey: 'GT01' })],
      ['GT01'],
      history,
    );
    expect(grouped.results.map((f) => f.id)).toEqual(['r']);
    expect(grouped.steps).toEqual([]);
  });
});
