import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Issue 15, item 8: every DTO bounds its text and its lists, so that no validator, rule or PDF
// ever works on megabytes of one field. This walks class-validator's metadata of every class the
// server validates, so a new DTO that forgets a bound fails here.
const root = resolve(__dirname, '..', '..');

/** Bodies a domain rule checks whole (to report every problem at once), each with its bounds. */
const FREE_FORM: Record<string, string> = {
  'ProcedureBodyDto.legalTime': 'numbers only, checked by procedure.rules (LEGAL_TIME_INVALID)',
  'CreateProcedureDto.legalTime': 'numbers only, checked by procedure.rules (LEGAL_TIME_INVALID)',
  'HolidayTableBodyDto.year': 'checked by libs/calendar (CALENDAR_INVALID_HOLIDAYS)',
  'HolidayTableBodyDto.holidays': 'checked by libs/calendar: at most 366 entries, names ≤ 200 characters',
  'HolidayTableBodyDto.workingDays': 'checked by libs/calendar: at most 366 entries, names ≤ 200 characters',
  'ProcedureBodyDto.eForm':
    'checked by procedure.rules (EFORM_DEFINITION_INVALID): ≤ 100 fields, texts ≤ 500, ≤ 200 options',
  'CreateProcedureDto.eForm':
    'checked by procedure.rules (EFORM_DEFINITION_INVALID): ≤ 100 fields, texts ≤ 500, ≤ 200 options',
  'SubmitOnlineDto.answers':
    'checked by libs/common form-fields (EFORM_FIELD_*): unknown keys refused, each length first',
  'ResubmitOnlineDto.answers':
    'checked by libs/common form-fields (EFORM_FIELD_*): unknown keys refused, each length first',
  'RateDossierDto.scores':
    'checked by libs/tracking rating.rules (RATING_SCORES_INVALID): at most 50 entries, active criteria, integers 1–5',
  'OfficeHoursBodyDto.sessions': "checked by libs/calendar: 'HH:mm' pairs; the first bad one ends the check",
};

/** Validators that admit only a short text whatever the input (enumerations, fixed formats). */
const SELF_BOUNDED = new Set(['isIn', 'isEnum', 'isUUID', 'isBoolean', 'isInt', 'isNumber', 'isDate']);
const TEXT = new Set(['isString', 'isEmail', 'matches', 'isIso8601', 'isISO8601', 'isUrl']);
const LENGTH = new Set(['maxLength', 'length']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every server source file that declares class-validator constraints. */
function validatedFiles(): string[] {
  const dirs = [
    join(root, 'apps', 'server', 'src'),
    ...readdirSync(join(root, 'libs')).map((lib) => join(root, 'libs', lib, 'src')),
  ];
  return dirs.flatMap(sourceFiles).filter((file) => /from 'class-validator'/.test(readFileSync(file, 'utf8')));
}

function nameOf(meta: ValidationMetadata): string {
  if (meta.name) return meta.name;
  const constraint = getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls)[0];
  return constraint?.name ?? meta.type;
}

/** What is unbounded on one class: `Class.property: why`. */
function unbounded(target: Function): string[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const meta of metas) byProperty.set(meta.propertyName, [...(byProperty.get(meta.propertyName) ?? []), meta]);
  const problems: string[] = [];
  for (const [property, list] of byProperty) {
    const where = `${target.name}.${property}`;
    const has = (names: Set<string>, each: boolean) =>
      list.some((m) => names.has(nameOf(m)) && Boolean(m.each) === each);
    const kinds = new Set(list.map((m) => (m.type === 'customValidation' ? nameOf(m) : m.type)));
    const designType = Reflect.getMetadata('design:type', target.prototype, property) as unknown;
    if (where in FREE_FORM) continue;
    const isArray = kinds.has('isArray') || designType === Array || list.some((m) => m.each);
    if (isArray && !kinds.has('arrayMaxSize')) problems.push(`${where}: a list without @ArrayMaxSize`);
    if (has(TEXT, true) && !has(LENGTH, true) && !has(SELF_BOUNDED, true))
      problems.push(`${where}: list items without @MaxLength({each: true})`);
    const text = has(TEXT, false) || (designType === String && !isArray);
    if (text && !has(LENGTH, false) && !has(SELF_BOUNDED, false)) problems.push(`${where}: text without @MaxLength`);
    if (kinds.has('isObject') || (kinds.has('whitelistValidation') && !text && !isArray)) {
      if (!['nestedValidation', 'isTextMap', 'isProcessVariables'].some((kind) => kinds.has(kind)))
        problems.push(`${where}: an object that is not a bounded nested DTO`);
    }
  }
  return problems;
}

/** The validated classes, once every file that declares constraints is loaded. */
function validatedClasses(): Function[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, ValidationMetadata[]> };
  return [...storage.validationMetadatas.keys()].filter((target) => typeof target === 'function' && target.name);
}

describe('every DTO bounds its text and lists (issue 15, item 8)', () => {
  let files: string[];
  beforeAll(() => {
    files = validatedFiles();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const file of files) require(file);
  });

  it('has a length on every text, a size on every list, a nested DTO for every object', () => {
    // given every class the server validates
    const targets = validatedClasses();
    // when each is checked
    const problems = targets.flatMap(unbounded);
    // then none is unbounded
    expect(files.length).toBeGreaterThan(20);
    expect(targets.length).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });

  it('lists exemptions only for properties that exist', () => {
    // given the free-form properties named above
    const known = new Set(
      validatedClasses().flatMap((target) =>
        getMetadataStorage()
          .getTargetValidationMetadatas(target, '', true, false)
          .map((m) => `${target.name}.${m.propertyName}`),
      ),
    );
    // then each of them is a validated property (a renamed DTO must not leave a stale exemption)
    expect(Object.keys(FREE_FORM).filter((where) => !known.has(where))).toEqual([]);
  });
});
