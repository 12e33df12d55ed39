/**
 * Answers as they are sent: empty strings, empty lists and empty groups left out, so an
 * untouched optional field is absent rather than wrong (e.g. `""` failing an e-mail format).
 */
export function cleanAnswers(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(cleanAnswers).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .map(([key, child]) => [key, cleanAnswers(child)] as const)
      .filter(([, child]) => child !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  if (value === '' || value === null) return undefined;
  return value;
}
