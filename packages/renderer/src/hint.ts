import type { JsonSchema } from '@samform/model';
import { errorId, helpId } from './form/control-ids.ts';
import { fieldText } from './form/field-text.ts';
import type { UiOptions } from './form/ui-options.ts';
import { rendererText } from './renderer-text.ts';

/** The hint lines of a field: its description, its `ui:help`, and the format of a date. */
export function hintLines(
  schema: JsonSchema,
  options: UiOptions,
  locale: string,
): string[] {
  const lines: string[] = [];
  const description = fieldText(schema, options, 'description');
  if (description) lines.push(description);
  if (typeof options.help === 'string' && options.help && options.help !== description) lines.push(options.help);
  if (schema.format === 'date') lines.push(rendererText(locale).dateHint);
  return lines;
}

/**
 * The `aria-describedby` of a control: only ids that are really rendered, since a dangling
 * reference is an error for assistive technology checks.
 */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? helpId(id) : '', hasError ? errorId(id) : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
