import type { ProcessModel } from '../runtime/engine.port';
import { AdminReach } from './admin-reach';
import { calledKeysOf, unitsNamedIn } from './diagram-units';

const model = (elements: Record<string, object>) =>
  ({ id: 'p', isExecutable: true, elements, flows: {} }) as unknown as ProcessModel;

describe('the units a diagram names', () => {
  it('lists codes and expressions of user tasks, subprocesses included, and leaves relative references out', () => {
    const diagram = model({
      a: { userTask: { unit: 'receiving', candidateGroups: [] } },
      b: { userTask: { unit: '000.20.20.H15', candidateGroups: [] }, scopeId: 'sub' },
      c: { userTask: { unit: ' parent ', candidateGroups: [] } },
      d: { userTask: { unit: '=unitVariable', candidateGroups: [] } },
      e: { userTask: { candidateGroups: [] } },
      f: { call: { calledElement: 'child-key' } },
    });
    expect(unitsNamedIn(diagram)).toEqual(['000.20.20.H15', '=unitVariable']);
    expect(calledKeysOf(diagram)).toEqual(['child-key']);
  });
});

describe("an administrator's reach", () => {
  const admin = { username: 'qt', unitCode: '000.00.20.H15' };

  it('manages its subtree only; the province what nobody owns too', () => {
    const city = new AdminReach(admin, ['000.00.20.H15', '000.20.20.H15'], false);
    expect(city.manages('000.20.20.H15')).toBe(true);
    expect(city.manages('000.00.01.H15')).toBe(false);
    expect(city.manages(null)).toBe(false);
    expect(() => city.assert('000.00.01.H15', 'Process x')).toThrow(
      expect.objectContaining({ status: 403, code: 'ADMIN_SCOPE' }),
    );
    expect(new AdminReach(admin, ['000.00.00.H15'], true).manages(null)).toBe(true);
  });
});
