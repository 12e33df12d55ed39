import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { ApiError } from '../staff-api.ts';
import { useAnnounce } from '../staff-parts.tsx';
import { queueProblems } from './queue-problems.ts';
import type { FieldProblem, QueueField } from './queue-problems.ts';
import { queuesApi } from './queues-api.ts';
import type { DeliveryInput, QueueSettings } from './queues-api.ts';
import type { QueuesText } from './queues-text.ts';

type Kind = QueueSettings['delivery']['kind'];

/** 32 random bytes, base64url: well above the 16 characters a secret needs. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A queue's name and delivery (pull, webhook, e-mail). The webhook secret is write-only: the
 * form says whether one is set and sends a new one only when written or generated. The
 * server's 422 problems show at their fields and in a summary that takes focus.
 */
export function QueueSettingsForm({
  tenant,
  queue,
  t,
  onSaved,
  onProblems,
}: {
  tenant: string;
  queue: QueueSettings;
  t: QueuesText;
  onSaved: (saved: QueueSettings) => void;
  onProblems: (count: number) => void;
}) {
  const id = useId();
  const announce = useAnnounce();
  const [nameSv, setNameSv] = useState(queue.name.sv);
  const [nameEn, setNameEn] = useState(queue.name.en ?? '');
  const [kind, setKind] = useState<Kind>(queue.delivery.kind);
  const [url, setUrl] = useState(queue.delivery.kind === 'webhook' ? queue.delivery.url : '');
  const [secret, setSecret] = useState('');
  const [generated, setGenerated] = useState(false);
  const [to, setTo] = useState(queue.delivery.kind === 'email' ? queue.delivery.to : '');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const refs: Record<QueueField, { current: HTMLInputElement | null }> = {
    nameSv: useRef<HTMLInputElement>(null),
    nameEn: useRef<HTMLInputElement>(null),
    kind: useRef<HTMLInputElement>(null),
    url: useRef<HTMLInputElement>(null),
    secret: useRef<HTMLInputElement>(null),
    to: useRef<HTMLInputElement>(null),
  };
  const secretIsSet = queue.delivery.kind === 'webhook';

  useEffect(() => {
    if (problems.length > 0) summary.current?.focus();
  }, [problems, attempt]);

  const problemAt = (field: QueueField) => problems.find((p) => p.field === field);
  const fieldId = (field: QueueField) => `${id}-${field}`;
  const describedBy = (field: QueueField, hint: boolean) =>
    [hint ? `${fieldId(field)}-hint` : '', problemAt(field) ? `${fieldId(field)}-error` : ''].filter(Boolean).join(' ') || undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const name = { sv: nameSv.trim(), ...(nameEn.trim() === '' ? {} : { en: nameEn.trim() }) };
    const delivery: DeliveryInput =
      kind === 'webhook' ? { kind, url: url.trim(), ...(secret.trim() === '' ? {} : { secret: secret.trim() }) } : kind === 'email' ? { kind, to: to.trim() } : { kind };
    setBusy(true);
    setFailure(null);
    try {
      const saved = await queuesApi.put(tenant, queue.id, { name, delivery });
      setProblems([]);
      onProblems(0);
      setSecret('');
      setGenerated(false);
      announce(t.saved);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        const found = queueProblems(error.errors, t);
        setProblems(found);
        setAttempt((n) => n + 1);
        onProblems(found.length);
      } else {
        setFailure(t.saveFailed);
        announce(t.saveFailed);
      }
    } finally {
      setBusy(false);
    }
  };

  const generate = () => {
    setSecret(newSecret());
    setGenerated(true);
    announce(t.generated);
  };

  const field = (name: QueueField, label: string, input: ReactNode, hint?: string) => (
    <div className={`sf-field${problemAt(name) ? ' sf-field--error' : ''}`}>
      <label className="sf-label" htmlFor={fieldId(name)}>
        {label}
      </label>
      {hint ? (
        <p className="sf-hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      ) : null}
      {problemAt(name) ? (
        <p className="sf-error-message" id={`${fieldId(name)}-error`}>
          <span className="sf-visually-hidden">{t.errorPrefix}</span>
          {problemAt(name)?.message}
        </p>
      ) : null}
      {input}
    </div>
  );
  const textInput = (name: QueueField, value: string, set: (v: string) => void, hint: boolean, extra: { type?: string; autoComplete?: string; spellCheck?: boolean } = {}) => (
    <input
      ref={refs[name]}
      id={fieldId(name)}
      className={`sf-input${problemAt(name) ? ' sf-input--error' : ''}`}
      type={extra.type ?? 'text'}
      autoComplete={extra.autoComplete ?? 'off'}
      spellCheck={extra.spellCheck}
      aria-describedby={describedBy(name, hint)}
      aria-invalid={problemAt(name) ? true : undefined}
      value={value}
      onChange={(e) => set(e.target.value)}
    />
  );
  const kinds: { kind: Kind; label: string; hint: string }[] = [
    { kind: 'pull', label: t.kindPull, hint: t.pullHint },
    { kind: 'webhook', label: t.kindWebhook, hint: t.webhookHint },
    { kind: 'email', label: t.kindEmail, hint: t.emailHint },
  ];

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="qu-form">
      {problems.length > 0 ? (
        <div className="sf-error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2 className="sf-error-summary-title">{t.errorTitle(problems.length)}</h2>
          <ul className="sf-error-summary-list">
            {problems.map((problem) => (
              <li key={problem.field}>
                <a
                  href={`#${fieldId(problem.field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    refs[problem.field].current?.focus();
                  }}
                >
                  {problem.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {failure ? (
        <p className="st-error-text" role="alert">
          {failure}
        </p>
      ) : null}
      {field('nameSv', t.nameSv, textInput('nameSv', nameSv, setNameSv, false))}
      {field('nameEn', t.nameEn, textInput('nameEn', nameEn, setNameEn, false))}
      <div className={`sf-field${problemAt('kind') ? ' sf-field--error' : ''}`}>
        <fieldset className="sf-fieldset" aria-describedby={problemAt('kind') ? `${fieldId('kind')}-error` : undefined}>
          <legend className="sf-legend">{t.deliveryLegend}</legend>
          {problemAt('kind') ? (
            <p className="sf-error-message" id={`${fieldId('kind')}-error`}>
              <span className="sf-visually-hidden">{t.errorPrefix}</span>
              {problemAt('kind')?.message}
            </p>
          ) : null}
          {kinds.map((option, index) => (
            <div key={option.kind} className="qu-choice">
              <label className="sf-choice">
                <input
                  ref={index === 0 ? refs.kind : undefined}
                  type="radio"
                  className="sf-choice-input"
                  name={`${id}-kind`}
                  value={option.kind}
                  checked={kind === option.kind}
                  onChange={() => setKind(option.kind)}
                  aria-describedby={`${id}-${option.kind}-hint`}
                />
                <span className="sf-choice-label">{option.label}</span>
              </label>
              <p className="sf-hint qu-choice-hint" id={`${id}-${option.kind}-hint`}>
                {option.hint}
              </p>
            </div>
          ))}
        </fieldset>
      </div>
      {kind === 'webhook' ? (
        <div className="qu-conditional">
          {field('url', t.url, textInput('url', url, setUrl, true, { type: 'url', spellCheck: false }), t.urlHint)}
          <p className="qu-secret-state" id={`${id}-secret-state`}>
            <strong>{t.secret}: </strong>
            {secretIsSet ? t.secretSet : t.secretNone}
          </p>
          {field('secret', secretIsSet ? t.secretNew : t.secret, textInput('secret', secret, (v) => { setSecret(v); setGenerated(false); }, secretIsSet, { spellCheck: false }), secretIsSet ? t.secretNewHint : undefined)}
          <p>
            <button type="button" className="sf-button sf-button--secondary" onClick={generate}>
              {t.generate}
            </button>
          </p>
          {generated ? <p className="sf-notice">{t.generated}</p> : null}
        </div>
      ) : null}
      {kind === 'email' ? <div className="qu-conditional">{field('to', t.emailTo, textInput('to', to, setTo, true, { type: 'email', spellCheck: false }), t.emailHintField)}</div> : null}
      <button type="submit" className="sf-button" aria-disabled={busy || undefined}>
        {t.save}
      </button>
    </form>
  );
}
