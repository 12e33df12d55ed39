/** A JSON object (a schema, a uiSchema node, an answer group): not null, not a list. */
export function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
