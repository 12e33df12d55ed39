import { useId } from 'react';

/** The locales a preview can be shown in. */
export type PreviewLocale = 'sv' | 'en';

/**
 * "Språk i förhandsgranskningen": radios that pick the language a preview renders the e-service
 * in, each option named in its own language.
 */
export function PreviewLanguageChoice({ legend, value, onChange }: { legend: string; value: PreviewLocale; onChange(to: PreviewLocale): void }) {
  const name = `${useId()}-lang`;
  return (
    <fieldset className="sf-fieldset st-inline-choices">
      <legend className="sf-legend">{legend}</legend>
      {(['sv', 'en'] as const).map((to) => (
        <label key={to} className="sf-choice">
          <input type="radio" className="sf-choice-input" name={name} checked={value === to} onChange={() => onChange(to)} />
          <span className="sf-choice-label" lang={to}>
            {to === 'sv' ? 'Svenska' : 'English'}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
