import type { WidgetProps } from '@rjsf/utils';
import { localeOf } from '../form-context.ts';
import { describedBy, hintLines } from '../hint.ts';
import { rendererText } from '../renderer-text.ts';

/** A single yes-box ("Jag intygar att …") with its label beside it. */
export function CheckboxWidget(props: WidgetProps) {
  const { id, htmlName, value, required, disabled, readonly, label, options, schema, registry, rawErrors, onChange, onBlur, onFocus } = props;
  const locale = localeOf(registry);
  const hasError = (rawErrors?.length ?? 0) > 0;
  const hasHint = hintLines(schema, options, locale).length > 0;
  return (
    <div className="sf-choice sf-choice--checkbox">
      <input
        type="checkbox"
        className="sf-choice-input"
        id={id}
        name={htmlName || id}
        // What a plain form post sends when ticked; unticked sends nothing.
        value="true"
        checked={value === true}
        disabled={disabled || readonly}
        aria-required={required || undefined}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy(id, hasHint, hasError)}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={(event) => onBlur(id, event.target.checked)}
        onFocus={(event) => onFocus(id, event.target.checked)}
      />
      <label className="sf-choice-label" htmlFor={id}>
        {label}
        {required ? <span className="sf-required"> {rendererText(locale).required}</span> : null}
      </label>
    </div>
  );
}
