import type { JsonSchema } from '@samform/model';
import type { UiOptions } from './ui-options.ts';
import { isObject } from './is-object.ts';

/** One choice of a radio group, select or checkbox list. */
export interface EnumOption {
  value: unknown;
  label: string;
}


/**
 * The choices of a field: `enum` labelled by `ui:enumNames` (how the localised definition
 * carries option texts), or `oneOf`/`anyOf` of `const` with `title`; a plain yes/no has "Ja"/"Nej".
 */
export function enumOptionsOf(schema: JsonSchema, options: UiOptions, yesNo: { yes: string; no: string }): EnumOption[] {
  const names = Array.isArray(options.enumNames) ? (options.enumNames as unknown[]) : [];
  if (Array.isArray(schema.enum)) {
    return schema.enum.map((value, i) => ({
      value,
      label: typeof names[i] === 'string' ? (names[i] as string) : value === true ? yesNo.yes : value === false ? yesNo.no : String(value),
    }));
  }
  const alternatives = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (alternatives) {
    return alternatives.filter(isObject).filter((alt) => 'const' in alt).map((alt) => ({
      value: alt.const,
      label: typeof alt.title === 'string' ? alt.title : String(alt.const),
    }));
  }
  if (schema.type === 'boolean') return [{ value: true, label: yesNo.yes }, { value: false, label: yesNo.no }];
  return [];
}

/** Whether a choice is the value (or among the values) given; compared as JSON, so `1` and `"1"` differ. */
export function isSelected(option: unknown, value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => sameValue(v, option));
  return sameValue(value, option);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}
