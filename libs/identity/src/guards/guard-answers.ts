import { ALLOWED_DURING_PASSWORD_CHANGE } from './password-change.decorator';
import { IS_CITIZEN_ROUTE, IS_PUBLIC, REQUIRED_ROLES, type ErrorCodes } from '../../../common/src';

/** What the global AuthGuard asks of a route, read from the same metadata it reads. */
export interface GuardAnswers {
  /** `@Public()`: no token needed. */
  public: boolean;
  /** `CitizenOnly()`: a citizen token, never a staff one (ADR 0027); the document names the `citizenToken` scheme. */
  citizen?: boolean;
  /** The error answers the guard itself may give on this route. */
  errors: ErrorCodes;
}

// Reflector.getAllAndOverride semantics: the handler's value first, then the controller's.
function first<T>(key: string, targets: object[]): T | undefined {
  for (const target of targets) {
    const value = Reflect.getMetadata(key, target) as T | undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The answers of AuthGuard (auth.guard.ts) for a handler of a controller: keep the two in step. */
export function guardAnswers(handler: object, controller: object): GuardAnswers {
  const targets = [handler, controller];
  if (first<boolean>(IS_PUBLIC, targets)) return { public: true, errors: {} };
  // The CitizenGuard's answers (libs/citizens/src/citizen.guard.ts): keep the two in step.
  if (first<boolean>(IS_CITIZEN_ROUTE, targets))
    return { public: false, citizen: true, errors: { 401: ['CITIZEN_AUTH_REQUIRED'] } };
  const forbidden: string[] = [];
  if (!first<boolean>(ALLOWED_DURING_PASSWORD_CHANGE, targets)) forbidden.push('PASSWORD_CHANGE_REQUIRED');
  if (first<string[]>(REQUIRED_ROLES, targets)?.length) forbidden.push('FORBIDDEN_ROLE');
  return {
    public: false,
    errors: { 401: ['AUTH_REQUIRED', 'AUTH_TOKEN_INVALID'], ...(forbidden.length ? { 403: forbidden } : {}) },
  };
}
