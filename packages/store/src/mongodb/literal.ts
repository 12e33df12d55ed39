/**
 * Guards for every value the MongoDB adapter puts into a filter. A value from a request that is
 * an object (`{"$ne": null}`, `{"$regex": ".*"}`) would be read by MongoDB as an operator, so
 * each is checked to be the plain string or integer the port's types promise, and refused
 * (TypeError) otherwise, however it got past the layers above. Filters also name `$eq`
 * explicitly, so even a string can never be an operator.
 */

/** The value as a string, or a TypeError when it is anything else (an object would be an operator). */
export function literalString(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`Expected a string, got ${value === null ? 'null' : typeof value}`);
  return value;
}

/** The value as a safe integer, or a TypeError when it is anything else. */
export function literalInt(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new TypeError('Expected an integer');
  return value;
}
