/**
 * The longest text (characters) and the largest list every input may carry (issue 15, item 8).
 * One place for the numbers: the DTOs, the domain rules and the web app's inputs read them here,
 * and docs/security.md ("Field length limits") explains each. A check of a field's length runs
 * before any check whose cost grows faster than its length (test/unit/dto-bounds.spec.ts keeps
 * every DTO bounded). This file imports nothing, so the web app can import it too.
 */
export const FIELD_LIMITS = {
  /** A person's or a unit's name (also holiday names, libs/calendar). */
  personName: 200,
  /** A postal address. */
  address: 500,
  /** RFC 5321 §4.5.3.1: a path is at most 256 octets with its brackets, so an address 254. */
  email: 254,
  /** A phone number as typed (spaces, dots, +84). */
  phone: 20,
  /** Codes and identifiers: dossier, procedure, document, unit codes, ID numbers, roles, lookup keys, ids. */
  code: 64,
  /** BPMN identifiers: process keys, business keys, message and signal names, element ids. */
  bpmnId: 200,
  /** Reasons, opinions, notes (printed on Forms 02–04 and the control slip; kept in the audit trail). */
  reason: 2_000,
  /** Search text (`q`) and other filters matched in part. */
  search: 200,
  /** A category such as a procedure's field (lĩnh vực). */
  category: 200,
  /** Titles: procedure names, document names, form names. */
  title: 500,
  /** A file name of a form template. */
  fileName: 100,
  /** Login names (USERNAME_INVALID checks the characters). */
  username: 64,
  /** Passwords: enough for any passphrase, small enough that hashing cannot be made to work on megabytes. */
  password: 256,
  /** Times and durations written as text (`2027-02-05T09:00:00+07:00`, `P1DT2H`). */
  timeText: 40,
  /** Documents listed in one dossier, or asked for in one supplement request. */
  documents: 100,
  /** Roles of one account. */
  roles: 10,
  /** Forms attached to one procedure. */
  formTemplates: 50,
  /** Instances moved by one migration request. */
  migrationInstances: 10_000,
  /** Element ids mapped by one migration request. */
  migrationMappings: 1_000,
  /** Names in one request's process variables. */
  variables: 200,
  /** Any text inside process variables (a step's opinion or note is printed as the reason on Form 03). */
  variableText: 2_000,
  /** Copies of one document handed in. */
  copies: 99,
  /** Any other path or query text (a route parameter without its own limit). */
  otherParam: 200,
} as const;
