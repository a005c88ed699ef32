import { AppError } from '../../../common/src';
import { allowedActions, DOSSIER_STATUSES, STATUS_LABELS, transition } from './dossier-status.machine';

describe('dossier status machine', () => {
  it('asks for a supplement only while the dossier is being processed', () => {
    // given a dossier in processing / returned
    // when / then
    expect(transition('processing', 'supplement-request')).toBe('supplement_required');
    expect(() => transition('returned', 'supplement-request')).toThrow(AppError);
  });

  it('returns the result only when it is ready', () => {
    expect(transition('result_ready', 'return')).toBe('returned');
    try {
      transition('processing', 'return');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toMatchObject({ status: 409, code: 'DOSSIER_ACTION_NOT_ALLOWED' });
    }
  });

  it('resumes after a supplement and keeps the status on an apology', () => {
    expect(transition('supplement_required', 'supplement-received')).toBe('resume');
    expect(transition('processing', 'apology')).toBeUndefined();
  });

  it('lists no actions for closed dossiers and labels every status', () => {
    for (const status of ['returned', 'rejected', 'withdrawn'] as const) expect(allowedActions(status)).toEqual([]);
    expect(allowedActions('result_ready')).toEqual(['return']);
    for (const status of DOSSIER_STATUSES) expect(STATUS_LABELS[status]).toMatch(/\S/);
  });
});
