import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ServiceDefinition } from '@samform/model';
import { ApiError, staffApi } from '../staff-api.ts';
import type { AdoptionView, CatalogueEntry, PointedError, QueueSummary } from '../staff-api.ts';
import { localText, useAnnounce } from '../staff-parts.tsx';
import { AdoptionTexts, TEXT_TARGETS } from './adoption-texts.tsx';
import type { FieldChoice, FieldTextRow, TextTarget } from './adoption-texts.tsx';
import { localTextOf, pairOf } from './local-pair.tsx';
import type { Pair } from './local-pair.tsx';
import { fromLocalQuestions, toLocalQuestions } from './local-questions.ts';
import type { LocalQuestionDraft } from './local-questions.ts';
import { LocalQuestionsEditor } from './local-questions-editor.tsx';
import { sharedText } from './shared-text.ts';
import { ThemeFields } from './theme-fields.tsx';
import type { ThemeDraft } from './theme-fields.tsx';

/** Props of {@link AdoptionEditor}. */
export interface AdoptionEditorProps {
  tenant: string;
  entry: CatalogueEntry;
  queues: QueueSummary[];
  locale: string;
  /** Called with the saved adoption. */
  onSaved: (adoption: AdoptionView) => void;
}

type Field = 'track' | 'texts' | 'contact' | 'queue' | 'theme' | 'retention' | 'local';
type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function queueOf(routing: unknown): string {
  const r = record(routing);
  // Routing rules of its own are kept as they are; the select only offers a single queue.
  return typeof r.queue === 'string' && r.rules === undefined ? r.queue : '';
}

/** Which part of the form a problem is about, by its JSON Pointer. */
function fieldOf(path: string): Field | undefined {
  if (path === '/track') return 'track';
  if (path.startsWith('/overrides/texts')) return 'texts';
  if (path.startsWith('/overrides/contact')) return 'contact';
  if (path.startsWith('/overrides/routing')) return 'queue';
  if (path.startsWith('/overrides/theme')) return 'theme';
  if (path.startsWith('/overrides/retentionDays')) return 'retention';
  if (path.startsWith('/overrides/localQuestions')) return 'local';
  return undefined;
}

function textsOf(overrides: Json): Record<TextTarget, Pair> {
  const texts = record(overrides.texts);
  return Object.fromEntries(TEXT_TARGETS.map((target) => [target, pairOf(texts[target])])) as Record<TextTarget, Pair>;
}

function rowsOf(overrides: Json): FieldTextRow[] {
  return Object.entries(record(overrides.texts))
    .filter(([target]) => !target.startsWith('$'))
    .map(([field, value]) => {
      const { label, help, ...kept } = record(value);
      return { field, label: pairOf(label), help: pairOf(help), kept };
    });
}

function themeOf(overrides: Json): ThemeDraft {
  const theme = record(overrides.theme);
  const logo = record(theme.logo);
  return {
    colour: typeof theme.primaryColor === 'string' ? theme.primaryColor : '',
    logo: typeof logo.sha256 === 'string' ? { sha256: logo.sha256, alt: pairOf(logo.alt) } : null,
  };
}

/** The base's questions a text may be given for: every field with a label, by path. */
function fieldChoices(definition: ServiceDefinition | null, locale: string): FieldChoice[] {
  if (definition === null) return [];
  return Object.entries(definition.texts)
    .filter(([path]) => !path.startsWith('lokalt'))
    .map(([path, text]) => ({ path, label: localText(text.label, locale) }));
}

/**
 * Adopt a shared e-service or change its adoption: the version to follow or pin; texts per
 * locale (title, introduction, "what happens next", privacy notice, and labels and help of the
 * base's questions); contact; queue; colour and logo; retention; questions of its own. What the
 * editor does not show (routing rules, option texts) is kept as stored. Problems found here or
 * by the server (422, pointed) show next to their input, with a summary at the top.
 */
export function AdoptionEditor({ tenant, entry, queues, locale, onSaved }: AdoptionEditorProps) {
  const t = sharedText(locale);
  const announce = useAnnounce();
  const base = useId();
  const adoption = entry.adoption;
  const overrides = record(adoption?.overrides);
  const [pinned, setPinned] = useState(adoption !== null && adoption.track !== 'latest');
  const [version, setVersion] = useState(adoption !== null && adoption.track !== 'latest' ? adoption.track : entry.latestVersion);
  const [texts, setTexts] = useState(() => textsOf(overrides));
  const [rows, setRows] = useState(() => rowsOf(overrides));
  const [contact, setContact] = useState(pairOf(overrides.contact));
  const [queue, setQueue] = useState(queueOf(overrides.routing));
  const [theme, setTheme] = useState(() => themeOf(overrides));
  const [retention, setRetention] = useState(typeof overrides.retentionDays === 'number' ? String(overrides.retentionDays) : '');
  const [questions, setQuestions] = useState<LocalQuestionDraft[]>(() => fromLocalQuestions(overrides.localQuestions));
  const [baseDefinition, setBaseDefinition] = useState<ServiceDefinition | null>(null);
  const [errors, setErrors] = useState<PointedError[]>([]);
  const [busy, setBusy] = useState(false);
  const refs = {
    track: useRef<HTMLInputElement>(null),
    contact: useRef<HTMLTextAreaElement>(null),
    queue: useRef<HTMLSelectElement>(null),
    theme: useRef<HTMLInputElement>(null),
    retention: useRef<HTMLInputElement>(null),
    texts: useRef<HTMLDivElement>(null),
    local: useRef<HTMLDivElement>(null),
  };
  const summaryRef = useRef<HTMLDivElement>(null);
  const title = localText(entry.title, locale);

  useEffect(() => {
    let current = true;
    staffApi.publicService(entry.owner, entry.id).then(
      (loaded) => current && setBaseDefinition(loaded),
      () => current && setBaseDefinition(null),
    );
    return () => {
      current = false;
    };
  }, [entry.owner, entry.id]);

  const focusField = (field: Field | undefined) => {
    const target = field === undefined ? summaryRef.current : refs[field].current;
    (target ?? summaryRef.current)?.focus();
  };
  const errorsOf = (field: Field) => errors.filter((e) => fieldOf(e.path) === field);
  useEffect(() => {
    if (errors.length > 0) focusField(fieldOf(errors[0]!.path));
    // refs are stable; focus moves once per new list of errors
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refs
  }, [errors]);

  /** Problems the server would refuse anyway, found before sending, in its pointers. */
  const checkHere = (): PointedError[] => {
    const found: PointedError[] = [];
    if (contact.sv.trim() === '' && contact.en.trim() !== '') found.push({ path: '/overrides/contact/sv', message: t.contactEnWithoutSv });
    if (retention.trim() !== '' && !/^[1-9][0-9]{0,3}$/.test(retention.trim())) found.push({ path: '/overrides/retentionDays', message: t.retentionFormat });
    questions.forEach((q, i) => {
      if (q.label.sv.trim() === '') found.push({ path: `/overrides/localQuestions/texts/${q.key}/label`, message: t.localLabelMissing(i + 1) });
      if (q.kind === 'choice' && q.options.filter((o) => o.sv.trim() !== '').length < 2) found.push({ path: `/overrides/localQuestions/schema/properties/${q.key}`, message: t.localOptionsMissing(i + 1) });
    });
    return found;
  };

  const overridesToSave = (): Json => {
    const { texts: storedTexts, contact: _c, routing, theme: _t, retentionDays: _r, localQuestions: _l, ...kept } = overrides;
    const next: Json = { ...kept };
    const textOverrides: Json = {};
    for (const target of TEXT_TARGETS) {
      const value = localTextOf(texts[target]);
      if (value !== undefined) textOverrides[target] = value;
    }
    for (const row of rows) {
      const value: Json = { ...row.kept };
      const label = localTextOf(row.label);
      const help = localTextOf(row.help);
      if (label !== undefined) value.label = label;
      if (help !== undefined) value.help = help;
      if (Object.keys(value).length > 0) textOverrides[row.field] = value;
    }
    void storedTexts;
    if (Object.keys(textOverrides).length > 0) next.texts = textOverrides;
    const contactText = localTextOf(contact);
    if (contactText !== undefined) next.contact = contactText;
    if (queue !== '') next.routing = { queue };
    else if (routing !== undefined && queueOf(routing) === '') next.routing = routing;
    if (theme.colour !== '' || theme.logo !== null) {
      next.theme = {
        primaryColor: theme.colour,
        ...(theme.logo === null ? {} : { logo: { sha256: theme.logo.sha256, alt: { sv: theme.logo.alt.sv.trim(), en: theme.logo.alt.en.trim() } } }),
      };
    }
    if (retention.trim() !== '') next.retentionDays = Number(retention.trim());
    const local = toLocalQuestions(questions.map((q) => ({ ...q, options: q.options.filter((o) => o.sv.trim() !== '') })));
    if (local !== undefined) next.localQuestions = local;
    return next;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const here = checkHere();
    if (here.length > 0) {
      setErrors(here);
      return;
    }
    const track = pinned ? version : 'latest';
    setBusy(true);
    try {
      const next = overridesToSave();
      const saved = adoption === null ? await staffApi.adopt(tenant, { service: entry.service, track, overrides: next }) : await staffApi.changeAdoption(tenant, entry.service, { track, overrides: next });
      setErrors([]);
      announce(t.saved(title));
      onSaved(saved);
    } catch (caught) {
      setErrors(caught instanceof ApiError && caught.errors.length > 0 ? caught.errors : [{ path: '', message: t.saveFailed }]);
    } finally {
      setBusy(false);
    }
  };

  const message = (e: PointedError) => localText(e.messages ?? e.message, locale);
  const fieldErrors = (field: Field) => {
    const list = errorsOf(field);
    if (list.length === 0) return null;
    return (
      <p className="sf-error-message" id={`${base}-${field}-error`}>
        {list.map(message).join(' ')}
      </p>
    );
  };
  const describedBy = (field: Field, hint = true) => [hint ? `${base}-${field}-hint` : '', errorsOf(field).length > 0 ? `${base}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const sectionName: Record<Field, string> = {
    track: t.track,
    texts: t.textsHeading,
    contact: t.contactSv,
    queue: t.queue,
    theme: t.themeHeading,
    retention: t.retention,
    local: t.localHeading,
  };
  const summaryItems = errors.map((e, i) => ({ key: `${e.path}-${i}`, field: fieldOf(e.path), e }));

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      {errors.length > 0 ? (
        <div className="sf-error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby={`${base}-summary`}>
          <h3 className="sf-error-summary-title" id={`${base}-summary`}>
            {t.saveProblem}
          </h3>
          <ul className="sf-error-summary-list">
            {summaryItems.map(({ key, field, e }) =>
              field === undefined ? (
                <li key={key}>
                  {message(e)}
                  {e.path ? <span className="st-path"> ({e.path})</span> : null}
                </li>
              ) : (
                <li key={key}>
                  <button type="button" className="sf-link-button st-error-link" onClick={() => focusField(field)}>
                    {`${sectionName[field]} (${e.path})`}
                  </button>
                </li>
              ),
            )}
          </ul>
        </div>
      ) : null}
      <div className={`sf-field${errorsOf('track').length > 0 ? ' sf-field--error' : ''}`}>
        <fieldset className="sf-fieldset" aria-describedby={describedBy('track', false)}>
          <legend className="sf-legend">{t.track}</legend>
          {fieldErrors('track')}
          <label className="sf-choice">
            <input ref={refs.track} type="radio" className="sf-choice-input" name={`${base}-track`} checked={!pinned} onChange={() => setPinned(false)} aria-describedby={`${base}-latest-hint`} />
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
      <div ref={refs.texts} tabIndex={-1}>
        <AdoptionTexts id={`${base}-texts`} locale={locale} texts={texts} onTexts={setTexts} rows={rows} onRows={setRows} fields={fieldChoices(baseDefinition, locale)} errors={errorsOf('texts')} />
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
          ref={refs.contact}
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
          ref={refs.queue}
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
      <ThemeFields
        id={`${base}-theme`}
        locale={locale}
        tenant={tenant}
        service={adoption === null ? null : entry.service}
        value={theme}
        onChange={setTheme}
        errors={errorsOf('theme')}
        colourRef={refs.theme}
      />
      <div className={`sf-field${errorsOf('retention').length > 0 ? ' sf-field--error' : ''}`}>
        <label className="sf-label" htmlFor={`${base}-retention`}>
          {t.retention}
        </label>
        <p className="sf-hint" id={`${base}-retention-hint`}>
          {t.retentionHint}
        </p>
        {fieldErrors('retention')}
        <input
          ref={refs.retention}
          type="text"
          inputMode="numeric"
          className="sf-input st-input-days"
          id={`${base}-retention`}
          value={retention}
          aria-describedby={describedBy('retention')}
          aria-invalid={errorsOf('retention').length > 0 || undefined}
          onChange={(event) => setRetention(event.target.value)}
        />
      </div>
      <div ref={refs.local} tabIndex={-1}>
        <LocalQuestionsEditor id={`${base}-local`} locale={locale} value={questions} onChange={setQuestions} errors={errorsOf('local')} />
      </div>
      <button type="submit" className="sf-button" aria-disabled={busy || undefined}>
        {t.save}
      </button>
    </form>
  );
}
