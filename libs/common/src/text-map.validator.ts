import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * An object of at most `maxEntries` keys whose keys and text values are at most `maxLength`
 * characters (e.g. a migration's element id mapping). Other value types are left to the rule
 * that reads the map.
 */
export function IsTextMap(maxEntries: number, maxLength: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTextMap',
      constraints: [maxEntries, maxLength],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'object' || value === null) return true;
          const entries = Object.entries(value);
          return (
            entries.length <= maxEntries &&
            entries.every(
              ([key, text]) => key.length <= maxLength && (typeof text !== 'string' || text.length <= maxLength),
            )
          );
        },
        defaultMessage: (args) =>
          `${args?.property} must have at most ${maxEntries} entries, each key and value at most ${maxLength} characters`,
      },
    },
    options,
  );
}
