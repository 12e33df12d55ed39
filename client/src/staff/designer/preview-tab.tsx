import { useId, useState } from 'react';
import { text } from '@samform/model';
import type { ServiceDefinition } from '@samform/model';
import { ServiceForm, stepsOf } from '@samform/renderer';
import type { SubmitResult } from '@samform/renderer';
import { staffText } from '../staff-text.ts';

/**
 * The draft in the real citizen renderer, in Swedish or English, from any step. Nothing is
 * sent: Send answers "preview, not sent". The renderer draws the view's h1 (the step's title).
 */
export function PreviewTab({ definition, locale }: { definition: ServiceDefinition; locale: string }) {
  const t = staffText(locale);
  const base = useId();
  const [previewLocale, setPreviewLocale] = useState<'sv' | 'en'>(locale === 'en' ? 'en' : 'sv');
  const [start, setStart] = useState(0);
  const [restart, setRestart] = useState(0);
  const steps = stepsOf(definition);
  const notSent = async (): Promise<SubmitResult> => ({
    ok: false,
    errors: [{ path: '', keyword: 'preview', message: staffText(previewLocale).previewNotSent }],
  });
  return (
    <>
      <div className="st-preview-bar">
        <fieldset className="sf-fieldset st-inline-choices">
          <legend className="sf-legend">{t.previewLanguage}</legend>
          {(['sv', 'en'] as const).map((to) => (
            <label key={to} className="sf-choice">
              <input type="radio" className="sf-choice-input" name={`${base}-lang`} checked={previewLocale === to} onChange={() => setPreviewLocale(to)} />
              <span className="sf-choice-label" lang={to}>
                {to === 'sv' ? 'Svenska' : 'English'}
              </span>
            </label>
          ))}
        </fieldset>
        <div className="st-field-inline">
          <label className="sf-label" htmlFor={`${base}-step`}>
            {t.previewFromStep}
          </label>
          <select
            className="sf-select"
            id={`${base}-step`}
            value={start}
            onChange={(event) => {
              setStart(Number(event.target.value));
              setRestart((n) => n + 1);
            }}
          >
            {steps.map((step, index) => (
              <option key={step.id} value={index}>
                {`${index + 1}. ${text(step.title, locale) || t.untitledStep}`}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="sf-button sf-button--secondary" onClick={() => setRestart((n) => n + 1)}>
          {t.previewRestart}
        </button>
      </div>
      <section className="st-preview" aria-label={t.previewRegion(previewLocale === 'en' ? 'English' : 'svenska')} lang={previewLocale}>
        <ServiceForm key={`${previewLocale}-${restart}`} service={definition} locale={previewLocale} initialPage={Math.min(start, Math.max(steps.length - 1, 0))} onSubmit={notSent} />
      </section>
    </>
  );
}
