import { AppError, checkFieldValues, fieldFaultCode, type FormField } from '../../../common/src';
import type { Procedure } from '../../../dossiers/src';

/** The e-form's answers, checked by the one field module (libs/common form-fields); 400 `EFORM_FIELD_*`. */
export function checkAnswers(procedure: Procedure, answers: unknown): Record<string, string | number | boolean> {
  const fields: FormField[] = procedure.eForm?.fields ?? [];
  const checked = checkFieldValues(fields, answers);
  if (checked.ok) return checked.values;
  throw AppError.badRequest(
    fieldFaultCode(checked.faults),
    `The e-form has faults: ${checked.faults
      .slice(0, 10)
      .map((f) => `${f.key} ${f.problem}`)
      .join(', ')}`,
    checked.faults.slice(0, 50),
  );
}

/** Each required document of the procedure has at least one file; 400 `DOCUMENT_MISSING` naming those without. */
export function checkDocumentFiles(procedure: Procedure, documentKeys: readonly string[]): string[] {
  const missing = procedure.requiredDocuments.filter((d) => d.required && !documentKeys.includes(d.code));
  if (missing.length)
    throw AppError.badRequest(
      'DOCUMENT_MISSING',
      `Upload a file for each required document: ${missing.map((d) => d.code).join(', ')}`,
      { code: missing[0].code, name: missing[0].name, missing: missing.map((d) => ({ code: d.code, name: d.name })) },
    );
  return [...new Set(documentKeys)];
}

/** The procedure takes online submissions and has a unit to receive them; 400 `CHANNEL_NOT_ALLOWED` otherwise. */
export function onlineUnitOf(procedure: Procedure): string {
  if (!procedure.channels.includes('online') || !procedure.ownerUnitCode)
    throw AppError.badRequest('CHANNEL_NOT_ALLOWED', `Procedure ${procedure.code} is not received online`, {
      allowed: procedure.channels,
    });
  return procedure.ownerUnitCode;
}
