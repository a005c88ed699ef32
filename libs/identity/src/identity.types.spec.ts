import { isValidRole } from './identity.types';

describe('isValidRole', () => {
  it.each(['admin', 'reception', 'specialist', 'specialist:land', 'specialist:civil_status', 'head', 'leader'])(
    'accepts %p',
    (role) => {
      expect(isValidRole(role)).toBe(true);
    },
  );

  it.each(['', 'root', 'Specialist', 'specialist:', 'specialist:Land', 'specialist:land:x', 'specialist land'])(
    'refuses %p',
    (role) => {
      expect(isValidRole(role)).toBe(false);
    },
  );
});
