import type { ControlProps } from '../form/control-props.ts';
import { describedBy } from '../hint.ts';
import { rendererText } from '../renderer-text.ts';

/** One choice from a longer list as a native select. */
export function SelectWidget({ id, name, value, required, readonly, options, choices, locale, hasHint, hasError, onChange }: ControlProps) {
  // Real values rather than indexes, so a plain form post (no JavaScript) carries the answer.
  const selected = value === undefined || value === null ? '' : String(value);
  const decode = (raw: string) => choices.find((option) => String(option.value) === raw)?.value;
  return (
    <select
      id={id}
      name={name}
      className={`sf-select${hasError ? ' sf-input--error' : ''}`}
      value={selected}
      disabled={readonly || undefined}
      autoComplete={typeof options.autocomplete === 'string' ? options.autocomplete : undefined}
      aria-required={required || undefined}
      aria-invalid={hasError || undefined}
      aria-describedby={describedBy(id, hasHint, hasError)}
      onChange={(event) => onChange(decode(event.target.value))}
    >
      <option value="">{rendererText(locale).chooseOne}</option>
      {choices.map((option) => (
        <option key={String(option.value)} value={String(option.value)}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
