import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { FocusEvent, FormEvent, MouseEvent } from 'react';
import { attachmentFields, formFieldName, hiddenFields, localizeDefinition, nextShownStep, previousShownStep, text, withoutHiddenAnswers } from '@samform/model';
import type { ServiceDefinition, SubmissionError } from '@samform/model';
import { answersForReview } from './answers-for-review.ts';
import { cleanAnswers } from './clean-answers.ts';
import { toErrorSchema } from './error-schema.ts';
import { ErrorSummary } from './error-summary.tsx';
import { createAnswerFeed } from './form/answer-feed.ts';
import { conditionFields } from './form/condition-fields.ts';
import type { AnswerPath, FormEnv } from './form/field-props.ts';
import { requiredNames } from './form/schema-matches.ts';
import { setAnswer } from './form/set-answer.ts';
import { StepFields } from './form/step-fields.tsx';
import { formPageTitle } from './page-title.ts';
import { isPlainClick } from './plain-click.ts';
import { ReceiptView } from './receipt-view.tsx';
import type { Receipt } from './receipt-view.tsx';
import { rendererText } from './renderer-text.ts';
import { changeLinkId, ReviewAnswers } from './review-answers.tsx';
import { errorsOfStep, stepIndexOf, stepsOf, topLevelField } from './steps.ts';
import { validateAnswers } from './validate-answers.ts';
import type { AnswerValidator } from './validate-answers.ts';

/** The outcome of sending: the receipt, or the server's errors (empty when it could not be reached). */
export type SubmitResult = { ok: true; receipt: Receipt } | { ok: false; errors: SubmissionError[] };

/** Answers as the form holds them: one value per top-level property. */
export type Answers = Record<string, unknown>;

/** A page of the flow: a step's index, or the review page. */
export type FormPage = number | 'review';

/**
 * Where the flow's pages live, so every page is also a plain HTML form that works without
 * JavaScript: a step posts its fields (named by `formFieldName`) with `_step` and `_action`.
 */
export interface FormLinks {
  /** The page of a step (0-based); `returnToReview`: Continue there leads back to the review. */
  step(index: number, returnToReview?: boolean): string;
  /** The review page. */
  review: string;
  /** Where a step's form posts. */
  stepAction(returnToReview: boolean): string;
  /** Where the review page's Send posts. */
  sendAction: string;
}

/** Props of {@link ServiceForm}. */
export interface ServiceFormProps {
  service: ServiceDefinition;
  locale: string;
  /** Sends the answers; resolves with the receipt or the errors of a 422. */
  onSubmit(data: Answers): Promise<SubmitResult>;
  initialData?: Answers;
  initialPage?: FormPage;
  /** Errors to show at first (a server-rendered page after a failed plain post). */
  initialErrors?: SubmissionError[];
  /** Called on every change, e.g. to keep answers across a reload. */
  onDataChange?(data: Answers): void;
  /** Called once sent; without it the form shows the receipt itself. */
  onSent?(receipt: Receipt): void;
  /**
   * The answers' validator, e.g. the version's ajv standalone module (the page may not compile
   * code). Without it (or until it is given) Continue checks nothing and Send shows the server's errors.
   */
  validator?: AnswerValidator;
  /** Move focus to the h1 when the form first shows (after an in-page navigation to it). */
  focusHeadingOnMount?: boolean;
  /** Less specific title parts after the form's own, e.g. ["Östersund", "Samform"]. */
  titleParts?: string[];
  /** The pages' addresses; without them the forms have no `action` (a preview). */
  links?: FormLinks;
  /** The first page was reached by a change link: Continue returns to the review. */
  initialReturnToReview?: boolean;
  /** After every page change (to keep the address in step with the page). */
  onPageChange?(page: FormPage, returnToReview: boolean): void;
  /** A step passed the checks in the page; `form` is its HTML form, ready to post as it stands. */
  onStepDone?(form: HTMLFormElement): void;
  /**
   * Where an attachment field (by form name) uploads a file with JavaScript; by default the JSON
   * API's upload beside the page's own address (`/t/{tenant}/e/{service}`), none in a preview.
   */
  attachmentUploadUrl?(field: string): string;
}

// The citizen pages live at /t/{tenant}/e/{service}; the upload endpoint sits under the same names.
function uploadUrlBeside(pageHref: string): ((field: string) => string) | undefined {
  const match = /^\/t\/([^/?#]+)\/e\/([^/?#]+)/.exec(pageHref);
  if (!match) return undefined;
  return (field) => `/api/t/${match[1]}/attachments/${match[2]}?field=${encodeURIComponent(field)}`;
}

type FocusTarget = { target: 'heading' | 'summary'; n: number };

/**
 * An e-service as a step-by-step form: one step's fields per page, Continue validating with the
 * same compiled rules as the server (showing only that step's errors), a review page with change
 * links, and Send. Errors show in a focused summary and beside each field; focus moves to the new
 * heading on every page change; sending is announced in a polite live region.
 */
export function ServiceForm(props: ServiceFormProps) {
  const { service, locale, onSubmit, onDataChange, onSent, onPageChange, onStepDone, links, titleParts = [] } = props;
  const t = rendererText(locale);
  const steps = useMemo(() => stepsOf(service), [service]);
  const compiled = props.validator;
  const localized = useMemo(() => localizeDefinition(service, locale), [service, locale]);

  const [page, setPage] = useState<FormPage>(props.initialPage ?? 0);
  const [errors, setErrors] = useState<SubmissionError[]>(props.initialErrors ?? []);
  const [attempted, setAttempted] = useState<ReadonlySet<FormPage>>(() => new Set(props.initialErrors?.length ? [props.initialPage ?? 0] : []));
  const [returnToReview, setReturnToReview] = useState(props.initialReturnToReview ?? false);
  const [sending, setSending] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [receipt, setReceipt] = useState<Receipt | undefined>();
  const [focus, setFocus] = useState<FocusTarget | undefined>(() =>
    props.focusHeadingOnMount ? { target: props.initialErrors?.length ? 'summary' : 'heading', n: 0 } : undefined,
  );

  // The answers live in a ref: a keystroke tells only its own field (through the feed), and the
  // form re-renders when what it shows depends on the answer (a field shown, hidden or required).
  const dataRef = useRef<Answers>(props.initialData ?? {});
  const data = dataRef.current;
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const feed = useMemo(() => createAnswerFeed(() => dataRef.current), []);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  const serviceTitle = text(service.title, locale);
  const step = typeof page === 'number' ? steps[page] : undefined;
  const stepTitle = step ? text(step.title, locale) : t.review;
  const multiStep = steps.length > 1 || service.steps !== undefined;

  useEffect(() => {
    if (receipt && !onSent) return;
    document.title = formPageTitle(service, page, { locale, hasErrors: errors.length > 0, titleParts });
  }, [page, service, titleParts.join('|'), locale, errors.length, receipt, onSent]);

  const shownPage = useRef(page);
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    onPageChange?.(page, returnToReview);
  }, [page, returnToReview]);

  useEffect(() => {
    if (!focus) return;
    (focus.target === 'summary' ? summary.current : heading.current)?.focus();
  }, [focus]);

  const errorSchema = useMemo(() => toErrorSchema(errors), [errors]);
  const pageHref = links?.stepAction(false);
  const besidePage = useMemo(() => (pageHref === undefined ? undefined : uploadUrlBeside(pageHref)), [pageHref]);
  const attachmentUploadUrl = props.attachmentUploadUrl ?? besidePage;
  // "Show when": a field whose condition does not hold for the answers so far is not shown.
  const hiddenKey = [...hiddenFields(service, data)].sort().join(',');
  const hidden = useMemo(() => new Set(hiddenKey ? hiddenKey.split(',') : []), [hiddenKey]);
  // One environment per form, so that a keystroke re-renders only the field typed in.
  const changeRef = useRef<(path: AnswerPath, value: unknown) => void>(() => undefined);
  const env = useMemo<FormEnv>(
    () => ({ locale, change: (path, value) => changeRef.current(path, value), ...(attachmentUploadUrl ? { attachmentUploadUrl } : {}) }),
    [locale, attachmentUploadUrl],
  );
  // A step with a file field posts as multipart, so without JavaScript its files go along.
  const attachmentPaths = useMemo(() => [...attachmentFields(service).keys()].map((path) => path.split('.')[0]), [service]);
  const postsFiles = step !== undefined && step.fields.some((field) => attachmentPaths.includes(field));

  // What is sent, and so what is checked: the answers of the fields the citizen can see.
  const answersToSend = (answers: Answers): Answers => withoutHiddenAnswers(service, (cleanAnswers(answers) ?? {}) as Answers);
  const validateAll = (answers: Answers): SubmissionError[] => validateAnswers(compiled, service, answersToSend(answers), locale);
  const nextStep = (from: number) => nextShownStep(steps, from, answersToSend(dataRef.current));
  const previousStep = (from: number) => previousShownStep(steps, from, answersToSend(dataRef.current));

  const goTo = (next: FormPage) => {
    setPage(next);
    setErrors([]);
    setFocus((f) => ({ target: 'heading', n: (f?.n ?? 0) + 1 }));
  };

  const showErrors = (onPage: FormPage, shown: SubmissionError[]) => {
    setPage(onPage);
    setErrors(shown);
    setAttempted((set) => new Set(set).add(onPage));
    setFocus((f) => ({ target: 'summary', n: (f?.n ?? 0) + 1 }));
  };

  // What the page's layout depends on besides each field's own answer.
  const layoutOf = (answers: Answers): string => `${[...hiddenFields(service, answers)].sort().join(',')}|${[...requiredNames(localized.schema, answers)].sort().join(',')}`;
  const readByConditions = useMemo(() => conditionFields(service), [service]);
  const handleChange = (key: string, next: Answers) => {
    const before = readByConditions.has(key) ? layoutOf(dataRef.current) : undefined;
    dataRef.current = next;
    onDataChange?.(next);
    if (before !== undefined && layoutOf(next) !== before) refresh();
    feed.notify(key);
  };
  changeRef.current = (path, value) => handleChange(String(path[0]), setAnswer(dataRef.current, path, value) as Answers);

  // Live validation starts only after a failed attempt on this page, and then only when focus
  // moves on to another field. Leaving a field for the Continue button must not re-lay the page:
  // errors vanishing above the button would move it between press and release and swallow the
  // click (and Continue validates anyway).
  const handleBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!step || !attempted.has(page)) return;
    if (!(event.relatedTarget instanceof Element) || !event.relatedTarget.matches('input, select, textarea')) return;
    setErrors(errorsOfStep(validateAll(dataRef.current), step));
  };

  const handleContinue = (submitEvent: FormEvent<HTMLFormElement>) => {
    submitEvent.preventDefault();
    if (!step || typeof page !== 'number') return;
    const stepErrors = errorsOfStep(validateAll(dataRef.current), step);
    if (stepErrors.length > 0) return showErrors(page, stepErrors);
    onStepDone?.(submitEvent.currentTarget);
    const next = nextStep(page);
    if (returnToReview || next < 0) {
      setReturnToReview(false);
      return goTo('review');
    }
    goTo(next);
  };

  const handleBack = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    setReturnToReview(false);
    const previous = previousStep(page === 'review' ? steps.length : page);
    if (previous >= 0) goTo(previous);
  };

  const handleChangeAnswer = (stepIndex: number) => {
    setReturnToReview(true);
    goTo(stepIndex);
  };

  // Errors that reach the review page (from the server) go back to the first step they belong to.
  const showErrorsWhereTheyBelong = (all: SubmissionError[]) => {
    const first = all.map((error) => stepIndexOf(steps, error.path)).find((i) => i >= 0);
    if (first === undefined) return showErrors('review', all);
    const onStep = steps[first];
    showErrors(first, onStep ? errorsOfStep(all, onStep) : all);
    setReturnToReview(true);
  };

  const handleSend = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const answers = answersToSend(dataRef.current);
    const invalid = validateAll(answers);
    if (invalid.length > 0) return showErrorsWhereTheyBelong(invalid);
    setSending(true);
    setErrors([]);
    setAnnouncement(t.sending);
    let result: SubmitResult;
    try {
      result = await onSubmit(answers);
    } catch {
      result = { ok: false, errors: [] };
    }
    setSending(false);
    if (result.ok) {
      setAnnouncement(t.sent);
      setReceipt(result.receipt);
      onSent?.(result.receipt);
      return;
    }
    setAnnouncement('');
    if (result.errors.length > 0) return showErrorsWhereTheyBelong(result.errors);
    showErrors('review', [{ path: '', keyword: 'network', message: t.sendFailed }]);
  };

  const liveRegion = (
    <div className="sf-visually-hidden" role="status" aria-live="polite">
      {announcement}
    </div>
  );

  if (receipt && !onSent) {
    return (
      <div className="sf-page">
        {liveRegion}
        <ReceiptView service={service} receipt={receipt} locale={locale} focusOnMount />
      </div>
    );
  }

  const caption = multiStep
    ? `${serviceTitle}${typeof page === 'number' ? ` – ${t.stepOf(page + 1, steps.length)}` : ''}`
    : page === 'review'
      ? serviceTitle
      : undefined;
  const description = page === 0 && service.description ? text(service.description, locale) : undefined;
  // On a step an error links to its field; on the review page (the server refused), to its answer's change link.
  const linkable = (error: { path: string }) => (typeof page === 'number' ? stepIndexOf(steps, error.path) === page : stepIndexOf(steps, error.path) >= 0);
  const errorHref = page === 'review' ? (error: { path: string }) => `#${changeLinkId(topLevelField(error.path) ?? '')}` : undefined;
  const previousPage = previousStep(page === 'review' ? steps.length : page);
  const backHref = previousPage >= 0 ? links?.step(previousPage) : undefined;

  return (
    <div className="sf-page">
      {liveRegion}
      {page !== 0 ? (
        <a className="sf-back-link" href={backHref ?? '#'} onClick={handleBack}>
          {t.back}
        </a>
      ) : null}
      <ErrorSummary errors={errors} locale={locale} linkable={linkable} {...(errorHref ? { hrefOf: errorHref } : {})} ref={summary} />
      {caption ? <p className="sf-caption">{caption}</p> : null}
      <h1 className="sf-heading-xl" tabIndex={-1} ref={heading}>
        {stepTitle}
      </h1>
      {description ? <p className="sf-lead">{description}</p> : null}
      {step ? (
        <div onBlur={handleBlur}>
          <form
            key={step.id}
            className="sf-form"
            noValidate
            method="post"
            {...(links ? { action: links.stepAction(returnToReview) } : {})}
            {...(postsFiles ? { encType: 'multipart/form-data' } : {})}
            onSubmit={handleContinue}
          >
            <StepFields
              schema={localized.schema}
              ui={localized.uiSchema}
              answers={data}
              feed={feed}
              errors={errorSchema}
              stepFields={step.fields}
              hiddenFields={hidden}
              env={env}
            />
            <input type="hidden" name="_step" value={step.id} />
            <div className="sf-actions">
              <button type="submit" className="sf-button" name="_action" value="continue">
                {t.next}
              </button>
            </div>
          </form>
        </div>
      ) : (
        <>
          <p className="sf-lead">{t.reviewIntro}</p>
          <ReviewAnswers
            sections={answersForReview(service, data, locale)}
            locale={locale}
            onChange={handleChangeAnswer}
            {...(links ? { changeHref: (index: number) => links.step(index, true) } : {})}
          />
          {service.privacyNotice ? (
            <div className="sf-notice sf-notice--info">
              <h2 className="sf-notice-heading">{t.privacy}</h2>
              <p className="sf-notice-body">{text(service.privacyNotice, locale)}</p>
            </div>
          ) : null}
          <form className="sf-form" method="post" {...(links ? { action: links.sendAction } : {})} onSubmit={handleSend} noValidate>
            <div className="sf-actions">
              <button type="submit" className="sf-button" name="_action" value="send" aria-disabled={sending || undefined}>
                {sending ? t.sending : t.send}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
