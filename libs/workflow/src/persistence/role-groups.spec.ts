import fc from 'fast-check';
import { rolesMatchGroups } from '../../../common/src';
import { expandRoles } from './role-groups';

/** The inbox filters in SQL with `candidate_groups && expandRoles(roles)`; it must agree with rolesMatchGroups. */
describe('expandRoles', () => {
  it('turns a qualified role into every prefix', () => {
    expect(expandRoles(['specialist:land:north', 'head'])).toEqual([
      'specialist',
      'specialist:land',
      'specialist:land:north',
      'head',
    ]);
  });

  it('agrees with rolesMatchGroups for any roles and groups', () => {
    const part = fc.constantFrom('specialist', 'land', 'head', 'reception', 'a', 'spec');
    const name = fc.array(part, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(':'));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 4 }), fc.array(name, { minLength: 1, maxLength: 4 }), (roles, groups) => {
        // given a non-empty group list (an empty one is open to all, handled by cardinality() in SQL)
        const expanded = new Set(expandRoles(roles));
        // then overlap ⇔ match
        expect(groups.some((group) => expanded.has(group))).toBe(rolesMatchGroups(roles, groups));
      }),
    );
  });
});
