import type { PointedError } from '../staff-api.ts';
import { localText } from '../staff-parts.tsx';
import { keyFrom } from './local-questions.ts';
import type { LocalQuestionDraft, LocalQuestionKind } from './local-questions.ts';
import { LocalPairInputs } from './local-pair.tsx';
import { sharedText } from './shared-text.ts';

const KINDS: LocalQuestionKind[] = ['short-text', 'long-text', 'yes-no', 'choice'];

/** Props of {@link LocalQuestionsEditor}. */
export interface LocalQuestionsEditorProps {
  id: string;
  locale: string;
  value: LocalQuestionDraft[];
  onChange: (value: LocalQuestionDraft[]) => void;
  /** Problems found before sending or by the server, under /overrides/localQuestions. */
  errors: PointedError[];
}

/** Add and remove the municipality's own questions: short or long text, yes/no, or one choice of several; labels sv/en; required. */
export function LocalQuestionsEditor({ id, locale, value, onChange, errors }: LocalQuestionsEditorProps) {
  const t = sharedText(locale);
  const set = (i: number, q: LocalQuestionDraft) => onChange(value.map((x, j) => (j === i ? q : x)));
  return (
    <fieldset className="sf-fieldset st-fieldset-block" aria-describedby={`${id}-hint`}>
      <legend className="sf-legend">{t.localHeading}</legend>
      <p className="sf-hint" id={`${id}-hint`}>
        {t.localHint}
      </p>
      {errors.length > 0 ? (
        <p className="sf-error-message" id={`${id}-error`}>
          {errors.map((e) => localText(e.messages ?? e.message, locale)).join(' ')}
        </p>
      ) : null}
      {value.length === 0 ? <p>{t.localNone}</p> : null}
      {value.map((q, i) => {
        const qid = `${id}-q${i}`;
        const n = i + 1;
        return (
          <fieldset key={i} className="sf-fieldset st-subform">
            <legend className="sf-legend">{t.localQuestion(n)}</legend>
            <label className="sf-label" htmlFor={`${qid}-kind`}>
              {t.localKind}
            </label>
            <select className="sf-select" id={`${qid}-kind`} value={q.kind} onChange={(e) => set(i, { ...q, kind: e.target.value as LocalQuestionKind, options: e.target.value === 'choice' && q.options.length === 0 ? [{ sv: '', en: '' }, { sv: '', en: '' }] : q.options })}>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t.localKinds[kind]}
                </option>
              ))}
            </select>
            <LocalPairInputs id={`${qid}-label`} labels={{ sv: t.inLanguage(t.localLabel, 'sv'), en: t.inLanguage(t.localLabel, 'en') }} value={q.label} onChange={(label) => set(i, { ...q, label })} />
            <div className="sf-choice">
              <input type="checkbox" className="sf-choice-input" id={`${qid}-required`} checked={q.required} onChange={(e) => set(i, { ...q, required: e.target.checked })} />
              <label className="sf-choice-label" htmlFor={`${qid}-required`}>
                {t.localRequired}
              </label>
            </div>
            {q.kind === 'choice' ? (
              <fieldset className="sf-fieldset">
                <legend className="sf-legend">{t.localOptions}</legend>
                {q.options.map((option, k) => (
                  <div key={k} className="st-subform">
                    <LocalPairInputs
                      id={`${qid}-option-${k}`}
                      labels={{ sv: t.inLanguage(t.localOption(k + 1), 'sv'), en: t.inLanguage(t.localOption(k + 1), 'en') }}
                      value={option}
                      onChange={(next) => set(i, { ...q, options: q.options.map((o, m) => (m === k ? next : o)) })}
                    />
                    <button type="button" className="st-action st-action--danger" onClick={() => set(i, { ...q, options: q.options.filter((_, m) => m !== k) })}>
                      {t.localOptionRemove(k + 1)}
                    </button>
                  </div>
                ))}
                <button type="button" className="st-action" onClick={() => set(i, { ...q, options: [...q.options, { sv: '', en: '' }] })}>
                  {t.localOptionAdd}
                </button>
              </fieldset>
            ) : null}
            <button type="button" className="st-action st-action--danger" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t.localRemove(n)}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="sf-button sf-button--secondary st-small"
        onClick={() => onChange([...value, { key: keyFrom(`fraga-${value.length + 1}`, value.map((q) => q.key)), kind: 'short-text', label: { sv: '', en: '' }, required: false, options: [] }])}
      >
        {t.localAdd}
      </button>
    </fieldset>
  );
}
