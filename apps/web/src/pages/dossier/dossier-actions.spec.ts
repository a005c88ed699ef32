import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../api/client';
import { actionFromStep, actionsFor, formsFor } from './dossier-actions';
import { dossierErrorMessage } from './dossier-labels';

const event = (type: string) => ({ at: '2025-06-03T02:00:00Z', type, actor: 'reception', data: {} });

describe('actionsFor', () => {
  const running = { allowedActions: ['supplement-request', 'refuse', 'withdraw', 'apology'] as const };

  it('offers the desk what the status allows, but the apology only to the leader', () => {
    expect(actionsFor({ allowedActions: [...running.allowedActions] }, ['reception'])).toEqual([
      'supplement-request',
      'refuse',
      'withdraw',
    ]);
    expect(actionsFor({ allowedActions: [...running.allowedActions] }, ['leader'])).toEqual([
      'supplement-request',
      'apology',
      'refuse',
      'withdraw',
    ]);
  });

  it('offers nothing to a specialist, and the return only to the desk', () => {
    expect(actionsFor({ allowedActions: [...running.allowedActions] }, ['specialist', 'head'])).toEqual([]);
    expect([
      actionsFor({ allowedActions: ['return'] }, ['reception']),
      actionsFor({ allowedActions: ['return'] }, ['leader']),
    ]).toEqual([['return'], []]);
  });
});

describe('formsFor', () => {
  it('prints 01 and 05 always, 02 and 04 once their action was recorded, 03 once refused', () => {
    expect(formsFor({ status: 'processing', events: [event('received')] }).map((f) => f.form)).toEqual([
      'receipt',
      'control-slip',
    ]);
    expect(
      formsFor({
        status: 'rejected',
        events: [event('received'), event('supplement-request'), event('apology'), event('refuse')],
      }).map((f) => f.form),
    ).toEqual(['receipt', '02', '03', '04', 'control-slip']);
    // refused by the process (the head's "Không đồng ý cấp"), with no desk event
    expect(formsFor({ status: 'rejected', events: [event('received')] }).map((f) => f.form)).toEqual([
      'receipt',
      '03',
      'control-slip',
    ]);
  });
});

describe('dossierErrorMessage', () => {
  it('says the known codes in Vietnamese and keeps the server text of the others', () => {
    expect(
      dossierErrorMessage(new ApiError(409, 'DOSSIER_ACTION_NOT_ALLOWED', 'Action return is not allowed')),
    ).toMatch(/^Không thể thực hiện thao tác này/);
    expect(dossierErrorMessage(new ApiError(400, 'SOMETHING_NEW', 'Lỗi khác'))).toBe('Lỗi khác');
  });
});

describe('actionFromStep (a step drawn with mc:action, opened from the inbox)', () => {
  it('opens the supplement request first, then the receipt of the documents; the apology only for the leader', () => {
    expect(
      actionFromStep('supplement', { allowedActions: ['supplement-request', 'refuse', 'withdraw', 'apology'] }, [
        'reception',
      ]),
    ).toBe('supplement-request');
    expect(
      actionFromStep('supplement', { allowedActions: ['supplement-received', 'refuse', 'withdraw', 'apology'] }, [
        'reception',
      ]),
    ).toBe('supplement-received');
    expect(actionFromStep('apology', { allowedActions: ['supplement-request', 'apology'] }, ['leader'])).toBe(
      'apology',
    );
    expect(actionFromStep('apology', { allowedActions: ['supplement-request', 'apology'] }, ['reception'])).toBeNull();
    expect(actionFromStep('unknown', { allowedActions: ['apology'] }, ['leader'])).toBeNull();
  });
});
