import type { WidgetProps } from '@rjsf/utils';
import { localeOf } from '../form-context.ts';
import { describedBy, hintLines } from '../hint.ts';

/** A multi-line text answer, linked to its hint and error like every input. */
export function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, value, required, disabled, readonly, options, schema, registry, rawErrors, onChange, onBlur, onFocus } = props;
  const hasError = (rawErrors?.length ?? 0) > 0;
  const hasHint = hintLines(schema, options, localeOf(registry)).length > 0;
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className={`sf-textarea${hasError ? ' sf-input--error' : ''}`}
      value={typeof value === 'string' ? value : ''}
      rows={typeof options.rows === 'number' ? options.rows : 5}
      disabled={disabled}
      readOnly={readonly}
      autoComplete={typeof options.autocomplete === 'string' ? options.autocomplete : undefined}
      aria-required={required || undefined}
      aria-invalid={hasError || undefined}
      aria-describedby={describedBy(id, hasHint, hasError)}
      onChange={(event) => onChange(event.target.value === '' ? options.emptyValue : event.target.value)}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
}
