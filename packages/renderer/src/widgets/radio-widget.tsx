import type { ControlProps } from '../form/control-props.ts';
import { optionId } from '../form/control-ids.ts';
import { isSelected } from '../form/enum-options.ts';

/**
 * One choice among a few, as radios; the field frame puts them in a fieldset whose legend is
 * the question and whose aria-describedby carries the hint and error.
 */
export function RadioWidget({ id, name, value, readonly, options, choices, hasError, onChange }: ControlProps) {
  return (
    <div className={`sf-choices${options.inline ? ' sf-choices--inline' : ''}`} id={id}>
      {choices.map((option, i) => (
        <div className="sf-choice sf-choice--radio" key={String(option.value)}>
          <input
            type="radio"
            className="sf-choice-input"
            id={optionId(id, i)}
            name={name}
            value={String(option.value)}
            checked={isSelected(option.value, value)}
            disabled={readonly || undefined}
            aria-invalid={hasError || undefined}
            onChange={() => onChange(option.value)}
          />
          <label className="sf-choice-label" htmlFor={optionId(id, i)}>
            {option.label}
          </label>
        </div>
      ))}
    </div>
  );
}
