/**
 * What a value becomes on the wire: `JSON.stringify` writes a `Date` as its ISO string. A
 * controller declares its response DTO as its return type and passes the service's answer through
 * {@link asWire}, so the compiler checks the answer against the document the web app is typed from.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends string | number | boolean | bigint | symbol | null | undefined
    ? T
    : T extends readonly (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

/** The same value, typed as its JSON (no copy: Nest serializes it). */
export function asWire<T>(value: T): Wire<T> {
  return value as Wire<T>;
}
