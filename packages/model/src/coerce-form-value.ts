import type { JsonValue } from './definition.ts';
import type { FormShape } from './form-shape.ts';

// Spaces people put between thousands: ordinary, no-break and narrow no-break (Swedish style).
const DIGIT_GROUP_SPACE = /[\s\u00a0\u202f]/g;
const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;

function parseNumber(text: string): number | undefined {
  const compact = text.replace(DIGIT_GROUP_SPACE, '').replace(/^\u2212/, '-');
  if (!DECIMAL.test(compact)) return undefined;
  // Swedish writes the decimal comma: "12,5" is 12.5.
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

function parseBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  // "on" is what a checkbox without a value attribute posts.
  if (lower === 'true' || lower === 'on') return true;
  if (lower === 'false') return false;
  return undefined;
}

/**
 * One posted text as the value its schema expects, or `undefined` when blank (so `required`
 * reports it). Text is trimmed and its line breaks made `\n`; an enum choice becomes the enum
 * value it spells ("190" -> 190, "true" -> true); a number or boolean that does not parse stays
 * the text, so the validator reports `type` at the field.
 */
export function coerceFormValue(shape: FormShape, raw: string): JsonValue | undefined {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === '') return undefined;
  const choice = shape.enum?.find((value) => value !== null && typeof value !== 'object' && String(value) === text);
  if (choice !== undefined) return choice;
  switch (shape.type) {
    case 'integer':
    case 'number':
      return parseNumber(text) ?? text;
    case 'boolean':
      return parseBoolean(text) ?? text;
    default:
      return text;
  }
}
