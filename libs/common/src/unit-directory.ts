/**
 * How libs/workflow resolves `mc:unit` without depending on libs/identity's tables:
 * identity provides this under the `UNIT_DIRECTORY` token.
 */
export interface UnitDirectory {
  /** Resolves `receiving`, `parent`, `province` or a unit code relative to the receiving unit; throws AppError 400 `UNIT_NOT_FOUND` when unknown. */
  resolve(unitRef: string | undefined, receivingUnitCode: string): Promise<string>;
  /** Codes of the users' heads of a unit (role `head`) — for escalations. */
  usersWithRole(unitCode: string, role: string): Promise<{ id: string; username: string }[]>;
  /** What an administrator of `unitCode` manages: the unit and its descendants; `root` when the unit has no parent (the province). */
  administered(unitCode: string): Promise<{ codes: string[]; root: boolean }>;
  /** The unit code of an account (undefined when there is no such account). */
  unitOfUser(username: string): Promise<string | undefined>;
  /** The codes of `unitCodes` that name no unit. */
  unknown(unitCodes: readonly string[]): Promise<string[]>;
  /** The unit's name (undefined when there is no such unit): an opinion records its author's unit by name. */
  unitName?(unitCode: string): Promise<string | undefined>;
  /** The unit's active accounts with their names and roles (the head's officer picker, issue 19), by name. */
  officers?(unitCode: string): Promise<{ id: string; username: string; fullName: string; roles: string[] }[]>;
}
export const UNIT_DIRECTORY = Symbol('UNIT_DIRECTORY');

/** Audit trail writer (identity owns the table); every login and state change goes through it. */
export interface AuditLog {
  record(entry: {
    actor?: string | null;
    action: string;
    subject?: string;
    data?: Record<string, unknown>;
  }): Promise<void>;
}
export const AUDIT_LOG = Symbol('AUDIT_LOG');
