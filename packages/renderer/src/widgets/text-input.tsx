import type { ChangeEvent } from 'react';
import type { JsonSchema } from '@samform/model';
import type { ControlProps } from '../form/control-props.ts';
import type { UiOptions } from '../form/ui-options.ts';
import { describedBy } from '../hint.ts';

// The input type of a string by its format, as rjsf's widgets chose it.
const TYPE_OF_FORMAT: Record<string, string> = { email: 'email', date: 'date', uri: 'url', 'date-time': 'datetime-local', time: 'time', color: 'color' };

/** The type, step, min, max and autocomplete of an `<input>` from its schema and options. */
export function inputAttributes(schema: JsonSchema, options: UiOptions): { type: string; step?: number | string; min?: number; max?: number; autoComplete?: string } {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const attributes: { type: string; step?: number | string; min?: number; max?: number; autoComplete?: string } = {
    type: typeof schema.format === 'string' ? (TYPE_OF_FORMAT[schema.format] ?? 'text') : 'text',
  };
  if (typeof schema.multipleOf === 'number') attributes.step = schema.multipleOf;
  if (typeof schema.minimum === 'number') attributes.min = schema.minimum;
  if (typeof schema.maximum === 'number') attributes.max = schema.maximum;
  if (typeof options.inputType === 'string') attributes.type = options.inputType;
  else if (type === 'number') {
    attributes.type = 'number';
    attributes.step ??= 'any';
  } else if (type === 'integer') {
    attributes.type = 'number';
    attributes.step ??= 1;
  }
  if (typeof options.autocomplete === 'string') attributes.autoComplete = options.autocomplete;
  return attributes;
}

/** A number field's answer from its text: a number, or the text itself when it is none (the check says why). */
function numberOf(text: string): unknown {
  const number = Number(text);
  return Number.isFinite(number) && text.trim() !== '' ? number : text;
}

/**
 * The one `<input>` of text, e-mail, number and date fields: linked to its hint and error,
 * `aria-invalid` when wrong, `autocomplete` from `ui:autocomplete` (WCAG 1.3.5).
 */
export function TextInput({ id, name, schema, options, value, required, readonly, hasHint, hasError, onChange }: ControlProps) {
  const attributes = inputAttributes(schema, options);
  const isNumber = attributes.type === 'number';
  const shown = isNumber ? (value || value === 0 ? String(value) : '') : typeof value === 'string' ? value : value == null ? '' : String(value);
  const width = typeof options.width === 'string' ? ` sf-input--${options.width}` : '';
  return (
    <input
      id={id}
      className={`sf-input${hasError ? ' sf-input--error' : ''}${width}`}
      readOnly={readonly || undefined}
      value={shown}
      {...attributes}
      // Browsers' own required-field bubbles would replace our messages, so it stays in aria only.
      aria-required={required || undefined}
      aria-invalid={hasError || undefined}
      aria-describedby={describedBy(id, hasHint, hasError)}
      name={name}
      onChange={(event: ChangeEvent<HTMLInputElement>) => {
        const text = event.target.value;
        onChange(text === '' ? undefined : isNumber ? numberOf(text) : text);
      }}
    />
  );
}
