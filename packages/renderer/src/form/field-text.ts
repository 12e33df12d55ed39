import type { JsonSchema } from '@samform/model';
import type { UiOptions } from './ui-options.ts';

/** A field's title or description: its `ui:` option when set, else its schema's. */
export function fieldText(schema: JsonSchema, options: UiOptions, key: 'title' | 'description'): string | undefined {
  const own = options[key];
  if (typeof own === 'string') return own;
  const fromSchema = schema[key];
  return typeof fromSchema === 'string' ? fromSchema : undefined;
}
