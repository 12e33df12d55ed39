import type { WidgetProps } from '@rjsf/utils';
import { localeOf } from '../form-context.ts';
import { describedBy, hintLines } from '../hint.ts';
import { rendererText } from '../renderer-text.ts';
import { CheckboxesWidget } from './checkboxes-widget.tsx';

/** One choice from a longer list as a native select; a multiple choice becomes checkboxes. */
export function SelectWidget(props: WidgetProps) {
  if (props.multiple) return <CheckboxesWidget {...props} />;
  const { id, htmlName, value, required, disabled, readonly, options, schema, registry, rawErrors, onChange, onBlur, onFocus } = props;
  const enumOptions = options.enumOptions ?? [];
  const locale = localeOf(registry);
  const hasError = (rawErrors?.length ?? 0) > 0;
  const hasHint = hintLines(schema, options, locale).length > 0;
  // Real values rather than indexes, so a plain form post (no JavaScript) carries the answer.
  const selected = value === undefined || value === null ? '' : String(value);
  const decode = (raw: string) => enumOptions.find((option) => String(option.value) === raw)?.value ?? options.emptyValue;
  return (
    <select
      id={id}
      name={htmlName || id}
      className={`sf-select${hasError ? ' sf-input--error' : ''}`}
      value={selected}
      disabled={disabled || readonly}
      autoComplete={typeof options.autocomplete === 'string' ? options.autocomplete : undefined}
      aria-required={required || undefined}
      aria-invalid={hasError || undefined}
      aria-describedby={describedBy(id, hasHint, hasError)}
      onChange={(event) => onChange(decode(event.target.value))}
      onBlur={(event) => onBlur(id, decode(event.target.value))}
      onFocus={(event) => onFocus(id, decode(event.target.value))}
    >
      <option value="">{rendererText(locale).chooseOne}</option>
      {enumOptions.map((option) => (
        <option key={String(option.value)} value={String(option.value)}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
