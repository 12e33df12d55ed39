import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { answersForReview, ReviewAnswers } from '@samform/renderer';
import { ApiError } from '../staff-api.ts';
import { Loading, localText, PageHeading, StaffLink, useAnnounce, useStaffTitle } from '../staff-parts.tsx';
import { staffHref } from '../staff-router.ts';
import { inboxApi } from './inbox-api.ts';
import type { CaseEventView, CaseView } from './inbox-api.ts';
import { inboxText, staffTime } from './inbox-text.ts';

type Text = ReturnType<typeof inboxText>;

/** One case: facts, claim, the answers as the citizen saw them, status moves, notes, messages and history. */
export function CasePage({ tenant, caseId, locale }: { tenant: string; caseId: string; locale: string }) {
  const t = inboxText(locale);
  const announce = useAnnounce();
  const [view, setView] = useState<CaseView | undefined>(undefined);
  const [failed, setFailed] = useState<number | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const problemRef = useRef<HTMLDivElement>(null);
  useStaffTitle([view ? t.caseTitle(view.reference) : undefined], locale);

  const load = useCallback(() => inboxApi.case(tenant, caseId).then(setView, (error: unknown) => setFailed(error instanceof ApiError ? error.status : 0)), [tenant, caseId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const titleOf = useCallback((id: string): string => localText(view?.workflow.find((s) => s.id === id)?.title ?? id, locale), [view, locale]);

  /** Run a change; on success show the case as the server has it and say so in the live region. */
  const act = async (work: () => Promise<CaseView>, done: (next: CaseView) => string): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setProblem(undefined);
    try {
      const next = await work();
      setView(next);
      announce(done(next));
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setProblem(error.code === 'case-claimed' ? t.conflictClaimed : t.conflictMoved);
        await load();
      } else setProblem(error instanceof ApiError && error.status === 422 ? error.message : t.failed);
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (failed !== undefined) return <p className="st-error-text">{t.loadFailed}</p>;
  if (view === undefined) return <Loading locale={locale} />;
  const sections = answersForReview(view.definition, view.data, locale);
  return (
    <div className="in-page in-case">
      <p>
        <StaffLink href={staffHref({ name: 'queue', tenant, queue: view.queue }, locale)}>{t.toQueue}</StaffLink>
      </p>
      <p className="sf-caption">{localText(view.service.title, locale)}</p>
      <PageHeading>{t.caseTitle(view.reference)}</PageHeading>
      {problem ? (
        <div className="sf-error-summary" role="alert" tabIndex={-1} ref={problemRef}>
          <h2 className="sf-error-summary-title">{t.problem}</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      <dl className="in-facts">
        <div>
          <dt>{t.received}</dt>
          <dd>
            <time dateTime={view.receivedAt}>{staffTime(view.receivedAt, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{t.service}</dt>
          <dd>
            {localText(view.service.title, locale)}, {t.version(view.service.version)}
          </dd>
        </div>
        <div>
          <dt>{t.status}</dt>
          <dd>{localText(view.status.title, locale)}</dd>
        </div>
        <div>
          <dt>{t.assignee}</dt>
          <dd>{view.yours ? t.yours : (view.assignee?.name ?? t.nobody)}</dd>
        </div>
      </dl>
      <div className="st-button-row">
        {view.assignee === null ? (
          <button type="button" className="sf-button" aria-disabled={busy || undefined} onClick={() => void act(() => inboxApi.claim(tenant, view.id), () => t.claimed)}>
            {t.claim}
          </button>
        ) : (
          <button type="button" className="sf-button sf-button--secondary" aria-disabled={busy || undefined} onClick={() => void act(() => inboxApi.unclaim(tenant, view.id), () => t.unclaimed)}>
            {t.unclaim}
          </button>
        )}
      </div>
      <div className="in-columns">
        <div className="in-answers">
          <section aria-labelledby="in-answers-heading">
            <h2 id="in-answers-heading">{t.answers}</h2>
            <p className="sf-hint">{t.answersIntro(view.service.version, view.locale)}</p>
            <ReviewAnswers sections={sections} locale={locale} headingLevel={3} />
          </section>
        </div>
        <div className="in-work">
          <MoveForm view={view} t={t} titleOf={titleOf} busy={busy} onMove={(to, message) => act(() => inboxApi.move(tenant, view.id, { to, from: view.status.id, ...(message ? { message } : {}) }), (next) => t.moved(localText(next.status.title, locale)))} />
          <TextForm
            heading={t.messageTitle}
            label={t.messageLabel}
            hint={t.messageOnlyHint}
            button={t.sendMessage}
            t={t}
            busy={busy}
            onSend={(text) => act(() => inboxApi.message(tenant, view.id, text), () => t.messageSent)}
          />
          <TextForm heading={t.noteTitle} label={t.noteLabel} hint={t.noteHint} button={t.saveNote} t={t} busy={busy} onSend={(text) => act(() => inboxApi.note(tenant, view.id, text), () => t.noteSaved)} />
          <section aria-labelledby="in-history-heading">
            <h2 id="in-history-heading">{t.history}</h2>
            {view.events.length === 0 ? <p>{t.noHistory}</p> : <Timeline events={view.events} t={t} locale={locale} titleOf={titleOf} />}
          </section>
        </div>
      </div>
    </div>
  );
}

function MoveForm({
  view,
  t,
  titleOf,
  busy,
  onMove,
}: {
  view: CaseView;
  t: Text;
  titleOf: (id: string) => string;
  busy: boolean;
  onMove: (to: string, message: string) => Promise<boolean>;
}) {
  const id = useId();
  const here = view.workflow.findIndex((s) => s.id === view.status.id);
  // The next stop along the journey is the usual move.
  const suggested = useMemo(() => view.moves.find((m) => view.workflow.findIndex((s) => s.id === m) > here) ?? view.moves[0] ?? '', [view, here]);
  const [to, setTo] = useState(suggested);
  const [message, setMessage] = useState('');
  useEffect(() => setTo(suggested), [suggested]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || to === '') return;
    if (await onMove(to, message.trim())) setMessage('');
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.moveTitle}</h2>
      {view.moves.length === 0 ? (
        <p>{t.noMoves}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="sf-field">
            <label className="sf-label" htmlFor={`${id}-to`}>
              {t.newStatus}
            </label>
            <select id={`${id}-to`} className="sf-select" value={to} onChange={(e) => setTo(e.target.value)}>
              {view.moves.map((move) => (
                <option key={move} value={move}>
                  {titleOf(move)}
                </option>
              ))}
            </select>
          </div>
          <div className="sf-field">
            <label className="sf-label" htmlFor={`${id}-message`}>
              {t.messageToCitizen}
            </label>
            <p className="sf-hint" id={`${id}-message-hint`}>
              {t.messageHint}
            </p>
            <textarea id={`${id}-message`} className="sf-textarea in-textarea" aria-describedby={`${id}-message-hint`} maxLength={4000} value={message} onChange={(e) => setMessage(e.target.value)} />
          </div>
          <button type="submit" className="sf-button" aria-disabled={busy || undefined}>
            {t.move}
          </button>
        </form>
      )}
    </section>
  );
}

function TextForm({
  heading,
  label,
  hint,
  button,
  t,
  busy,
  onSend,
}: {
  heading: string;
  label: string;
  hint: string;
  button: string;
  t: Text;
  busy: boolean;
  onSend: (text: string) => Promise<boolean>;
}) {
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (value.trim() === '') {
      setError(true);
      field.current?.focus();
      return;
    }
    setError(false);
    if (await onSend(value.trim())) setValue('');
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={`sf-field${error ? ' sf-field--error' : ''}`}>
          <label className="sf-label" htmlFor={`${id}-text`}>
            {label}
          </label>
          <p className="sf-hint" id={`${id}-hint`}>
            {hint}
          </p>
          {error ? (
            <p className="sf-error-message" id={`${id}-error`}>
              {t.needText}
            </p>
          ) : null}
          <textarea
            ref={field}
            id={`${id}-text`}
            className={`sf-textarea in-textarea${error ? ' sf-input--error' : ''}`}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={error || undefined}
            maxLength={4000}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <button type="submit" className="sf-button sf-button--secondary" aria-disabled={busy || undefined}>
          {button}
        </button>
      </form>
    </section>
  );
}

function eventTitle(event: CaseEventView, t: Text, titleOf: (id: string) => string): string {
  switch (event.kind) {
    case 'status':
      return t.eventStatus(titleOf(event.from), titleOf(event.to));
    case 'note':
      return t.eventNote;
    case 'message':
      return t.eventMessage;
    case 'claim':
      return t.eventClaim;
    case 'unclaim':
      return t.eventUnclaim;
  }
}

function Timeline({ events, t, locale, titleOf }: { events: CaseEventView[]; t: Text; locale: string; titleOf: (id: string) => string }) {
  return (
    <ol className="sf-timeline in-timeline">
      {[...events].reverse().map((event) => {
        const body = event.kind === 'note' || event.kind === 'message' ? event.text : event.kind === 'status' ? event.message : undefined;
        return (
          <li key={event.seq} className={`sf-timeline-event in-event--${event.kind}`}>
            <time dateTime={event.at}>{staffTime(event.at, locale)}</time> <span>{t.by(event.byName)}</span>
            <p className="sf-timeline-what">{eventTitle(event, t, titleOf)}</p>
            {body ? <p className="sf-timeline-message">{body}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
