import type { ControlProps } from '../form/control-props.ts';
import { describedBy } from '../hint.ts';
import { rendererText } from '../renderer-text.ts';

/** A single yes-box ("Jag intygar att …") with its label beside it. */
export function CheckboxWidget({ id, name, value, required, readonly, label, locale, hasHint, hasError, onChange }: ControlProps) {
  return (
    <div className="sf-choice sf-choice--checkbox">
      <input
        type="checkbox"
        className="sf-choice-input"
        id={id}
        name={name}
        // What a plain form post sends when ticked; unticked sends nothing.
        value="true"
        checked={value === true}
        disabled={readonly || undefined}
        aria-required={required || undefined}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy(id, hasHint, hasError)}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="sf-choice-label" htmlFor={id}>
        {label}
        {required ? <span className="sf-required"> {rendererText(locale).required}</span> : null}
      </label>
    </div>
  );
}
