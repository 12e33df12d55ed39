import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, staffApi } from '../staff-api.ts';
import type { AdoptionView, CatalogueEntry, PointedError, QueueSummary } from '../staff-api.ts';
import { localText, ProblemList, useAnnounce } from '../staff-parts.tsx';
import { sharedText } from './shared-text.ts';

/** Props of {@link AdoptionEditor}. */
export interface AdoptionEditorProps {
  tenant: string;
  entry: CatalogueEntry;
  queues: QueueSummary[];
  locale: string;
  /** Called with the saved adoption. */
  onSaved: (adoption: AdoptionView) => void;
}

type Field = 'track' | 'contact' | 'queue';

function localOf(value: unknown): { sv: string; en: string } {
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { sv: typeof record.sv === 'string' ? record.sv : '', en: typeof record.en === 'string' ? record.en : '' };
}

function queueOf(routing: unknown): string {
  const record = routing !== null && typeof routing === 'object' ? (routing as Record<string, unknown>) : {};
  // Routing rules of its own are kept as they are; the select only offers a single queue.
  return typeof record.queue === 'string' && record.rules === undefined ? record.queue : '';
}

/** Which input a server problem is about, by its JSON Pointer. */
function fieldOf(path: string): Field | undefined {
  if (path === '/track') return 'track';
  if (path.startsWith('/overrides/contact')) return 'contact';
  if (path.startsWith('/overrides/routing')) return 'queue';
  return undefined;
}

/**
 * Adopt a shared e-service or change its adoption: follow the latest version or pin one, the
 * contact text (sv/en) and the queue. Other overrides (texts, local questions) are kept as they
 * are. The server's 422 problems show next to the input they are about.
 */
export function AdoptionEditor({ tenant, entry, queues, locale, onSaved }: AdoptionEditorProps) {
  const t = sharedText(locale);
  const announce = useAnnounce();
  const base = useId();
  const adoption = entry.adoption;
  const overrides = adoption?.overrides ?? {};
  const [pinned, setPinned] = useState(adoption !== null && adoption.track !== 'latest');
  const [version, setVersion] = useState(adoption !== null && adoption.track !== 'latest' ? adoption.track : entry.latestVersion);
  const [contact, setContact] = useState(localOf(overrides.contact));
  const [queue, setQueue] = useState(queueOf(overrides.routing));
  const [errors, setErrors] = useState<PointedError[]>([]);
  const [n, setN] = useState(0);
  const [busy, setBusy] = useState(false);
  const contactRef = useRef<HTMLTextAreaElement>(null);
  const queueRef = useRef<HTMLSelectElement>(null);
  const trackRef = useRef<HTMLInputElement>(null);
  const title = localText(entry.title, locale);

  const errorsOf = (field: Field) => errors.filter((e) => fieldOf(e.path) === field);
  const others = errors.filter((e) => fieldOf(e.path) === undefined);
  useEffect(() => {
    const first = errors[0] === undefined ? undefined : fieldOf(errors[0].path);
    if (first === 'contact') contactRef.current?.focus();
    else if (first === 'queue') queueRef.current?.focus();
    else if (first === 'track') trackRef.current?.focus();
  }, [errors]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (contact.sv.trim() === '' && contact.en.trim() !== '') {
      setErrors([{ path: '/overrides/contact/sv', message: t.contactEnWithoutSv }]);
      return;
    }
    const { contact: _contact, routing, ...kept } = overrides;
    const next: Record<string, unknown> = { ...kept };
    if (contact.sv.trim() !== '') next.contact = contact.en.trim() === '' ? { sv: contact.sv.trim() } : { sv: contact.sv.trim(), en: contact.en.trim() };
    if (queue !== '') next.routing = { queue };
    else if (routing !== undefined && queueOf(routing) === '') next.routing = routing;
    const track = pinned ? version : 'latest';
    setBusy(true);
    try {
      const saved = adoption === null ? await staffApi.adopt(tenant, { service: entry.service, track, overrides: next }) : await staffApi.changeAdoption(tenant, entry.service, { track, overrides: next });
      setErrors([]);
      announce(t.saved(title));
      onSaved(saved);
    } catch (caught) {
      setN((x) => x + 1);
      setErrors(caught instanceof ApiError && caught.errors.length > 0 ? caught.errors : [{ path: '', message: t.saveFailed }]);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = (field: Field) => {
    const list = errorsOf(field);
    if (list.length === 0) return null;
    return (
      <p className="sf-error-message" id={`${base}-${field}-error`}>
        {list.map((e) => localText(e.message, locale)).join(' ')}
      </p>
    );
  };
  const describedBy = (field: Field, hint = true) => [hint ? `${base}-${field}-hint` : '', errorsOf(field).length > 0 ? `${base}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <ProblemList key={n} title={t.saveProblem} problems={others} locale={locale} focusOnMount />
      <div className={`sf-field${errorsOf('track').length > 0 ? ' sf-field--error' : ''}`}>
        <fieldset className="sf-fieldset" aria-describedby={describedBy('track', false)}>
          <legend className="sf-legend">{t.track}</legend>
          {fieldErrors('track')}
          <label className="sf-choice">
            <input ref={trackRef} type="radio" className="sf-choice-input" name={`${base}-track`} checked={!pinned} onChange={() => setPinned(false)} aria-describedby={`${base}-latest-hint`} />
            <span className="sf-choice-label">{t.trackLatest}</span>
          </label>
          <p className="sf-hint" id={`${base}-latest-hint`}>
            {t.trackLatestHint}
          </p>
          <label className="sf-choice">
            <input type="radio" className="sf-choice-input" name={`${base}-track`} checked={pinned} onChange={() => setPinned(true)} />
            <span className="sf-choice-label">{t.trackPinned}</span>
          </label>
        </fieldset>
        {pinned ? (
          <div className="st-field-inline">
            <label className="sf-label" htmlFor={`${base}-version`}>
              {t.pinnedVersion}
            </label>
            <select className="sf-select" id={`${base}-version`} value={version} onChange={(event) => setVersion(Number(event.target.value))}>
              {entry.versions.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <div className={`sf-field${errorsOf('contact').length > 0 ? ' sf-field--error' : ''}`}>
        <p className="sf-hint" id={`${base}-contact-hint`}>
          {t.contactHint}
        </p>
        {fieldErrors('contact')}
        <label className="sf-label" htmlFor={`${base}-contact-sv`}>
          {t.contactSv}
        </label>
        <textarea
          ref={contactRef}
          className="sf-textarea st-textarea-small"
          id={`${base}-contact-sv`}
          lang="sv"
          value={contact.sv}
          aria-describedby={describedBy('contact')}
          aria-invalid={errorsOf('contact').length > 0 || undefined}
          onChange={(event) => setContact({ ...contact, sv: event.target.value })}
        />
        <label className="sf-label" htmlFor={`${base}-contact-en`}>
          {t.contactEn}
        </label>
        <textarea
          className="sf-textarea st-textarea-small"
          id={`${base}-contact-en`}
          lang="en"
          value={contact.en}
          aria-describedby={describedBy('contact')}
          onChange={(event) => setContact({ ...contact, en: event.target.value })}
        />
      </div>
      <div className={`sf-field${errorsOf('queue').length > 0 ? ' sf-field--error' : ''}`}>
        <label className="sf-label" htmlFor={`${base}-queue`}>
          {t.queue}
        </label>
        <p className="sf-hint" id={`${base}-queue-hint`}>
          {t.queueHint}
        </p>
        {fieldErrors('queue')}
        <select
          ref={queueRef}
          className="sf-select"
          id={`${base}-queue`}
          value={queue}
          aria-describedby={describedBy('queue')}
          aria-invalid={errorsOf('queue').length > 0 || undefined}
          onChange={(event) => setQueue(event.target.value)}
        >
          <option value="">{t.queueBase}</option>
          {queues.map((q) => (
            <option key={q.id} value={q.id}>
              {`${q.name} (${q.id})`}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="sf-button" aria-disabled={busy || undefined}>
        {t.save}
      </button>
    </form>
  );
}
