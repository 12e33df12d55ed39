/**
 * The designer's friendly pattern builder: "only digits, 4–10 of them" instead of a raw regex.
 * `custom` keeps an author's own regex, which the publish checks vet for catastrophic backtracking.
 */
export type PatternSpec =
  | { kind: 'digits'; min: number; max: number }
  | { kind: 'letters-digits'; min: number; max: number }
  | { kind: 'custom'; regex: string };

const CLASSES = { digits: '[0-9]', 'letters-digits': '[A-Za-z0-9]' } as const;

function count(min: number, max: number): string {
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

/** The JSON Schema `pattern` of a spec: digits 4–10 -> "^[0-9]{4,10}$". */
export function patternToRegex(spec: PatternSpec): string {
  if (spec.kind === 'custom') return spec.regex;
  return `^${CLASSES[spec.kind]}${count(spec.min, spec.max)}$`;
}

/** The spec a regex was built from, or `custom` for any other regex (patternToRegex inverts it). */
export function patternSpecOf(regex: string): PatternSpec {
  for (const kind of ['digits', 'letters-digits'] as const) {
    const prefix = `^${CLASSES[kind]}{`;
    if (!regex.startsWith(prefix) || !regex.endsWith('}$')) continue;
    const match = /^(\d+)(?:,(\d+))?$/.exec(regex.slice(prefix.length, -2));
    if (match === null) continue;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : Number(match[2]);
    const spec: PatternSpec = { kind, min, max };
    if (patternToRegex(spec) === regex) return spec;
  }
  return { kind: 'custom', regex };
}
