import { ValidateBy, type ValidationOptions } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';

const codeOf = (item: unknown): unknown => (typeof item === 'object' && item !== null ? (item as { code?: unknown }).code : item);

/**
 * A received document's code is short, given alone or as `{code, copies?}`. Only the length is
 * checked: whether the procedure lists the code is `checkDocuments`' rule (400 DOCUMENT_UNKNOWN).
 */
export function IsReceivedDocument(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isReceivedDocument',
      validator: {
        validate: (item: unknown) => {
          const code = codeOf(item);
          return typeof code !== 'string' || code.length <= FIELD_LIMITS.code;
        },
        defaultMessage: () => `each value in documents must be a code of at most ${FIELD_LIMITS.code} characters, or {code, copies}`,
      },
    },
    options,
  );
}
