import { getInputProps } from '@rjsf/utils';
import type { BaseInputTemplateProps } from '@rjsf/utils';
import type { ChangeEvent, FocusEvent } from 'react';
import { localeOf } from '../form-context.ts';
import { describedBy, hintLines } from '../hint.ts';

/**
 * The one `<input>` of text, e-mail, number and date fields: linked to its hint and error,
 * `aria-invalid` when wrong, `autocomplete` from `ui:autocomplete` (WCAG 1.3.5).
 */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, htmlName, value, readonly, disabled, onBlur, onFocus, onChange, onChangeOverride, options, schema, registry, rawErrors, type, required } = props;
  const inputProps = getInputProps(schema, type, options);
  const hasError = (rawErrors?.length ?? 0) > 0;
  const hasHint = hintLines(schema, options, localeOf(registry)).length > 0;
  const isNumber = inputProps.type === 'number';
  const shown = isNumber ? (value || value === 0 ? value : '') : (value ?? '');
  const width = typeof options.width === 'string' ? ` sf-input--${options.width}` : '';
  return (
    <input
      id={id}
      name={htmlName || id}
      className={`sf-input${hasError ? ' sf-input--error' : ''}${width}`}
      readOnly={readonly}
      disabled={disabled}
      value={shown}
      {...inputProps}
      // Browsers' own required-field bubbles would replace our messages, so it stays in aria only.
      aria-required={required || undefined}
      aria-invalid={hasError || undefined}
      aria-describedby={describedBy(id, hasHint, hasError)}
      onChange={onChangeOverride ?? ((event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value === '' ? options.emptyValue : event.target.value))}
      onBlur={(event: FocusEvent<HTMLInputElement>) => onBlur(id, event.target.value)}
      onFocus={(event: FocusEvent<HTMLInputElement>) => onFocus(id, event.target.value)}
    />
  );
}
