import { useId, useState } from 'react';
import type { LocalText } from '@samform/model';
import { staffText } from '../staff-text.ts';

/** A text in Swedish and English side by side, each with its own label ("Frågan på svenska"). */
export function LocalTextInputs({ label, value, onChange, multiline = false, locale, idBase, hint }: { label: string; value: LocalText | undefined; onChange: (next: LocalText) => void; multiline?: boolean; locale: string; idBase?: string; hint?: string }) {
  const t = staffText(locale);
  const generated = useId();
  const base = idBase ?? generated;
  const set = (lang: 'sv' | 'en', text: string) => {
    const next: LocalText = { ...(value ?? { sv: '' }), [lang]: text };
    if (lang === 'en' && text === '') delete next.en;
    onChange(next);
  };
  return (
    <div className="st-local" role="group" aria-labelledby={`${base}-legend`}>
      <p className="st-local-name" id={`${base}-legend`}>
        {label}
      </p>
      {hint ? <p className="sf-hint">{hint}</p> : null}
      <div className="st-local-grid">
        {(['sv', 'en'] as const).map((lang) => {
          const id = `${base}-${lang}`;
          const props = { id, lang, className: multiline ? 'sf-textarea st-textarea-small' : 'sf-input', value: value?.[lang] ?? '' };
          return (
            <div key={lang} className="st-local-cell">
              <label className="st-label" htmlFor={id}>
                {t.inLanguage(label, lang)}
              </label>
              {multiline ? <textarea {...props} onChange={(event) => set(lang, event.target.value)} /> : <input {...props} onChange={(event) => set(lang, event.target.value)} />}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** A whole number setting; empty means "no limit". */
export function NumberSetting({ label, value, onChange, hint, min = 0 }: { label: string; value: number | undefined; onChange: (next: number | undefined) => void; hint?: string; min?: number }) {
  const id = useId();
  // The box keeps what is typed ("1" on the way to "12", or "-") while the setting takes the number.
  const [typed, setTyped] = useState<string | undefined>();
  const shown = typed ?? (value === undefined ? '' : String(value));
  return (
    <div className="st-setting">
      <label className="st-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="sf-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        className="sf-input sf-input--short"
        inputMode="numeric"
        {...(hint ? { 'aria-describedby': `${id}-hint` } : {})}
        value={shown}
        onChange={(event) => {
          const raw = event.target.value.trim();
          setTyped(event.target.value);
          if (raw === '') return onChange(undefined);
          const n = Number(raw.replace(',', '.'));
          if (Number.isFinite(n) && n >= min) onChange(n);
        }}
        onBlur={() => setTyped(undefined)}
      />
    </div>
  );
}

/** A checkbox setting with its label beside it. */
export function CheckSetting({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (next: boolean) => void; hint?: string }) {
  const id = useId();
  return (
    <div className="st-setting">
      <div className="sf-choice">
        <input id={id} type="checkbox" className="sf-choice-input" checked={checked} onChange={(event) => onChange(event.target.checked)} {...(hint ? { 'aria-describedby': `${id}-hint` } : {})} />
        <label className="sf-choice-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint ? (
        <p className="sf-hint st-check-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** One choice among a few, as radio buttons in a fieldset. */
export function RadioSetting<T extends string>({ legend, value, options, onChange }: { legend: string; value: T; options: { value: T; label: string }[]; onChange: (next: T) => void }) {
  const name = useId();
  return (
    <fieldset className="sf-fieldset st-setting">
      <legend className="st-label">{legend}</legend>
      <div className="sf-choices">
        {options.map((option) => (
          <label key={option.value} className="sf-choice">
            <input type="radio" className="sf-choice-input" name={name} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span className="sf-choice-label">{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
