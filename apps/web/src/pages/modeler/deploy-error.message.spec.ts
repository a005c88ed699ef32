import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../api/client';
import { deployRefusalMessage } from './deploy-error.message';

describe('deployRefusalMessage', () => {
  it('names the units a diagram may not send steps to', () => {
    const refused = new ApiError(403, 'UNIT_NOT_ADMINISTERED', 'Steps are assigned to …', {
      units: ['000.00.20.H15', '000.00.01.H15'],
    });
    expect(deployRefusalMessage(refused)).toContain('000.00.20.H15, 000.00.01.H15');
  });

  it('explains a key owned elsewhere, and leaves other errors to the caller', () => {
    expect(deployRefusalMessage(new ApiError(403, 'ADMIN_SCOPE', 'x'))).toContain('ngoài phạm vi bạn quản trị');
    expect(deployRefusalMessage(new ApiError(400, 'BPMN_MALFORMED', 'x'))).toBeNull();
    expect(deployRefusalMessage(new Error('x'))).toBeNull();
  });
});
