import { ValidateBy, type ValidationOptions } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';

const isObject = (item: unknown): item is { code?: unknown; copies?: unknown } =>
  typeof item === 'object' && item !== null;

/**
 * A received document's code is short, given alone or as `{code, copies?}`, and at most 99 copies
 * are counted. Only the bounds are checked: whether the procedure lists the code is
 * `checkDocuments`' rule (400 DOCUMENT_UNKNOWN).
 */
export function IsReceivedDocument(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isReceivedDocument',
      validator: {
        validate: (item: unknown) => {
          const code = isObject(item) ? item.code : item;
          const copies = isObject(item) ? item.copies : undefined;
          return (
            (typeof code !== 'string' || code.length <= FIELD_LIMITS.code) &&
            (typeof copies !== 'number' || copies <= FIELD_LIMITS.copies)
          );
        },
        defaultMessage: () =>
          `each value in documents must be a code of at most ${FIELD_LIMITS.code} characters, or {code, copies} with at most ${FIELD_LIMITS.copies} copies`,
      },
    },
    options,
  );
}
