import { describe, expect, it } from '@jest/globals';
import { formError } from './mc-form';

describe('formError (mc:form while drawing)', () => {
  it('accepts an empty text, a JSON object, and the opinion and attachments a step may require', () => {
    for (const text of [
      '',
      '{}',
      '{"opinion":"required","attachments":"optional"}',
      '{"opinion":{"label":"Ý kiến thẩm định","required":true}}',
    ]) {
      expect(formError(text)).toBeNull();
    }
  });

  it('says in Vietnamese what is wrong, as the engine refuses it (FORM_INVALID)', () => {
    expect(formError('{oops')).toBe('JSON không hợp lệ');
    expect(formError('[1]')).toBe('Phải là một đối tượng JSON: { … }');
    expect(formError('{"opinion":"yes"}')).toMatch(/^"opinion" phải là/);
    expect(formError('{"attachments":{"required":"true"}}')).toMatch(/^"attachments" phải là/);
  });
});
