import { useEffect, useId, useState } from 'react';
import { text } from '@samform/model';
import type { ServiceDefinition } from '@samform/model';
import { ServiceForm, stepsOf } from '@samform/renderer';
import type { SubmitResult } from '@samform/renderer';
import { PreviewLanguageChoice } from '../preview-language-choice.tsx';
import type { PreviewLocale } from '../preview-language-choice.tsx';
import { staffText } from '../staff-text.ts';
import { useDraftValidator } from './use-draft-validator.ts';

/** Props of {@link PreviewTab}. */
export interface PreviewTabProps {
  definition: ServiceDefinition;
  locale: string;
  tenant: string;
  service: string;
  /** The saved draft's revision when it is what is shown; undefined while changes wait to be saved. */
  revision: string | undefined;
  /** Saves the draft now, so its validator can be loaded without waiting for the autosave. */
  saveNow: () => Promise<void>;
}

/**
 * The draft in the real citizen renderer, in Swedish or English, from any step, with Continue
 * checking the answers by the saved draft's validator module. Nothing is sent: Send answers
 * "preview, not sent". The renderer draws the view's h1 (the step's title).
 */
export function PreviewTab({ definition, locale, tenant, service, revision, saveNow }: PreviewTabProps) {
  const t = staffText(locale);
  const checks = useDraftValidator(tenant, service, revision);
  useEffect(() => {
    void saveNow();
    // Once on opening the preview: later changes are made in other views.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once
  }, []);
  const base = useId();
  const [previewLocale, setPreviewLocale] = useState<PreviewLocale>(locale === 'en' ? 'en' : 'sv');
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
        <PreviewLanguageChoice legend={t.previewLanguage} value={previewLocale} onChange={setPreviewLocale} />
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
      <p className="sf-hint st-preview-checks" role="status">
        {t.previewChecks[checks.state]}
      </p>
      <section className="st-preview" aria-label={t.previewRegion(previewLocale === 'en' ? 'English' : 'svenska')} lang={previewLocale}>
        <ServiceForm key={`${previewLocale}-${restart}`} service={definition} locale={previewLocale} initialPage={Math.min(start, Math.max(steps.length - 1, 0))} onSubmit={notSent} {...(checks.state === 'ready' ? { validator: checks.validator } : {})} />
      </section>
    </>
  );
}
