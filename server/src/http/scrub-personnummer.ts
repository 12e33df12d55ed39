// A personnummer or samordningsnummer (10 or 12 digits, optionally split by -, + or a space
// before the last four) is personal data that must never reach a log line. The last group of
// a UUID (a request id) may be all digits, so a run right after "hhhh-" is left alone.
const PERSONNUMMER_LIKE = /(?<![\dA-Za-z])(?<![\dA-Fa-f]{4}-)(?:\d{8}|\d{6})[-+ ]?\d{4}(?![\dA-Za-z])/g;

/** Mask every personnummer-like digit sequence in a text. */
export function scrubPersonnummer(text: string): string {
  return text.replace(PERSONNUMMER_LIKE, '[personnummer]');
}

/** Scrub every string inside a value; errors become plain objects with scrubbed texts. */
export function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubPersonnummer(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      type: value.name,
      message: scrubPersonnummer(value.message),
      ...(value.stack === undefined ? {} : { stack: scrubPersonnummer(value.stack) }),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrubDeep(item, depth + 1);
  return out;
}
