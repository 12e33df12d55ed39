import type { ControlProps } from '../form/control-props.ts';
import { optionId } from '../form/control-ids.ts';
import { isSelected } from '../form/enum-options.ts';

/** Several choices from a list, as checkboxes inside the field's fieldset; the answer keeps the list's order. */
export function CheckboxesWidget({ id, name, value, readonly, choices, hasError, onChange }: ControlProps) {
  const selected: unknown[] = Array.isArray(value) ? value : [];
  const toggle = (index: number, on: boolean) => {
    const next = choices.filter((option, i) => (i === index ? on : isSelected(option.value, selected))).map((option) => option.value);
    onChange(next.length > 0 ? next : undefined);
  };
  return (
    <div className="sf-choices" id={id}>
      {choices.map((option, i) => (
        <div className="sf-choice sf-choice--checkbox" key={String(option.value)}>
          <input
            type="checkbox"
            className="sf-choice-input"
            id={optionId(id, i)}
            name={name}
            value={String(option.value)}
            checked={isSelected(option.value, selected)}
            disabled={readonly || undefined}
            aria-invalid={hasError || undefined}
            onChange={(event) => toggle(i, event.target.checked)}
          />
          <label className="sf-choice-label" htmlFor={optionId(id, i)}>
            {option.label}
          </label>
        </div>
      ))}
    </div>
  );
}
