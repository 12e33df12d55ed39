import { slugify } from '@samform/model';
import type { FieldOption } from '@samform/model';
import { staffText } from '../staff-text.ts';

/** A value from a label: "Ja, gärna!" -> "ja-garna"; unique among `taken`. */
export function valueFromLabel(label: string, taken: readonly (string | number | boolean)[], fallback: string): string {
  const stem = slugify(label).slice(0, 40) || fallback;
  let value = stem;
  for (let n = 2; taken.includes(value); n += 1) value = `${stem}-${n}`;
  return value;
}

/**
 * The answer options: labels in Swedish and English and a stable value (what is stored and
 * what routing and conditions test). The value follows the Swedish label while it still is the
 * one derived from it, and is editable; `fixed` options (yes/no) keep their values and count.
 */
export function OptionsEditor({ options, onChange, locale, fixed = false, idBase }: { options: FieldOption[]; onChange: (next: FieldOption[], group?: string) => void; locale: string; fixed?: boolean; idBase: string }) {
  const t = staffText(locale);
  const values = options.map((option) => option.value);
  const update = (index: number, next: FieldOption, group: string) => onChange(options.map((option, i) => (i === index ? next : option)), group);
  const move = (index: number, by: number) => {
    const next = [...options];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + by, 0, item);
    onChange(next);
  };
  const setLabel = (index: number, option: FieldOption, lang: 'sv' | 'en', label: string) => {
    const others = values.filter((_, i) => i !== index);
    const derived = typeof option.value === 'string' && (option.value === valueFromLabel(option.label.sv, others, option.value) || /^alternativ-\d+$/.test(option.value));
    const nextLabel = { ...option.label, [lang]: label };
    if (lang === 'en' && label === '') delete nextLabel.en;
    const value = !fixed && lang === 'sv' && derived && label.trim() !== '' ? valueFromLabel(label, others, `alternativ-${index + 1}`) : option.value;
    update(index, { value, label: nextLabel }, `option-${index}-${lang}`);
  };
  return (
    <fieldset className="sf-fieldset st-setting st-options">
      <legend className="st-label">{t.optionsLegend}</legend>
      {fixed ? null : <p className="sf-hint">{t.optionsHint}</p>}
      <ol className="st-option-list">
        {options.map((option, index) => {
          const n = index + 1;
          const id = `${idBase}-option-${index}`;
          return (
            <li key={index} className="st-option">
              <div className="st-local-grid">
                {(['sv', 'en'] as const).map((lang) => (
                  <div key={lang} className="st-local-cell">
                    <label className="st-label" htmlFor={`${id}-${lang}`}>
                      {t.optionLabel(n, lang)}
                    </label>
                    <input className="sf-input" id={`${id}-${lang}`} lang={lang} value={option.label[lang] ?? ''} onChange={(event) => setLabel(index, option, lang, event.target.value)} />
                  </div>
                ))}
              </div>
              {fixed ? null : (
                <>
                  <div className="st-option-value">
                    <label className="st-label" htmlFor={`${id}-value`}>
                      {t.optionValue(n)}
                    </label>
                    <input
                      className="sf-input sf-input--short"
                      id={`${id}-value`}
                      spellCheck={false}
                      value={String(option.value)}
                      onChange={(event) => update(index, { ...option, value: event.target.value }, `option-${index}-value`)}
                    />
                  </div>
                  <div className="st-button-row">
                    <button type="button" className="st-action" aria-disabled={index === 0 || undefined} onClick={() => index > 0 && move(index, -1)}>
                      {t.optionUp(n)}
                    </button>
                    <button type="button" className="st-action" aria-disabled={index === options.length - 1 || undefined} onClick={() => index < options.length - 1 && move(index, 1)}>
                      {t.optionDown(n)}
                    </button>
                    <button type="button" className="st-action st-action--danger" aria-disabled={options.length <= 1 || undefined} onClick={() => options.length > 1 && onChange(options.filter((_, i) => i !== index))}>
                      {t.optionRemove(n)}
                    </button>
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ol>
      {fixed ? null : (
        <button
          type="button"
          className="sf-button sf-button--secondary st-small"
          onClick={() => onChange([...options, { value: valueFromLabel('', values, `alternativ-${options.length + 1}`), label: { sv: t.newOption(options.length + 1) } }])}
        >
          {t.addOption}
        </button>
      )}
    </fieldset>
  );
}
