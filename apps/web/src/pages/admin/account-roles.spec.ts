import { describe, expect, it } from '@jest/globals';
import { fromRoleChoice, toRoleChoice } from './account-roles';

describe('account roles in the form', () => {
  it('round-trips specialist fields', () => {
    // given
    const roles = ['specialist:land', 'specialist:construction', 'head'];
    // when
    const choice = toRoleChoice(roles);
    // then
    expect(choice).toEqual({ base: ['specialist', 'head'], fields: ['land', 'construction'] });
    expect(fromRoleChoice(choice)).toEqual(roles);
  });

  it('keeps a plain specialist without fields, and drops fields when specialist is unticked', () => {
    expect(fromRoleChoice({ base: ['specialist'], fields: [] })).toEqual(['specialist']);
    expect(fromRoleChoice({ base: ['reception'], fields: ['land'] })).toEqual(['reception']);
  });
});
