import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { PublishProblem } from '@samform/model';
import { ApiError, staffApi } from '../staff-api.ts';
import type { PointedError, TenantSummary, VersionSummary } from '../staff-api.ts';
import { localText, ProblemList, useAnnounce } from '../staff-parts.tsx';
import { staffText } from '../staff-text.ts';
import { ImpactSection } from './impact-section.tsx';
import { VersionsSection } from './versions-section.tsx';

/** Props of {@link PublishTab}. */
export interface PublishTabProps {
  tenant: string;
  service: string;
  locale: string;
  /** The citizen page's address, when the tenant is a municipality. */
  citizenHref?: string;
  /** Show the field a problem is about in the build view. */
  onSelectField: (field: string) => void;
  /** Saves the draft now, so what is published is what is shown. */
  saveNow: () => Promise<void>;
  /** The publish checks' problems of the saved draft, as the server found them; undefined before the first answer. */
  problems: PublishProblem[] | undefined;
  /** Whether the saved draft is what is shown (else the problems may be out of date). */
  upToDate: boolean;
  /** For a collaboration's e-service: the tenants, to show the impact on the member municipalities. */
  collaborationTenants?: TenantSummary[];
}

/** Checks first (errors block, warnings may be published), a required change note, Publish; then versions, diffs, retire. */
export function PublishTab({ tenant, service, locale, citizenHref, onSelectField, saveNow, problems: checked, upToDate, collaborationTenants }: PublishTabProps) {
  const t = staffText(locale);
  const announce = useAnnounce();
  const base = useId();
  const problems = checked ?? [];
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverProblems, setServerProblems] = useState<PointedError[]>([]);
  const [published, setPublished] = useState<number | undefined>();
  const [versions, setVersions] = useState<VersionSummary[] | undefined>();
  const [n, setN] = useState(0);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const loadVersions = useCallback(() => {
    staffApi.versions(tenant, service).then(
      (list) => setVersions([...list].sort((a, b) => b.version - a.version)),
      () => setVersions([]),
    );
  }, [tenant, service]);
  useEffect(loadVersions, [loadVersions]);
  useEffect(() => {
    if (published !== undefined) doneRef.current?.focus();
  }, [published]);

  const next = (versions?.[0]?.version ?? 0) + 1;

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setPublished(undefined);
    if (errors.length > 0) {
      announce(t.publishBlocked(errors.length));
      return;
    }
    if (note.trim() === '') {
      setNoteMissing(true);
      noteRef.current?.focus();
      return;
    }
    setNoteMissing(false);
    setBusy(true);
    try {
      await saveNow();
      const { version } = await staffApi.publish(tenant, service, note.trim());
      setPublished(version);
      setNote('');
      setServerProblems([]);
      announce(t.published(version));
      loadVersions();
    } catch (caught) {
      setN((x) => x + 1);
      setServerProblems(caught instanceof ApiError && caught.errors.length > 0 ? caught.errors : [{ path: '', message: t.publishFailed }]);
    } finally {
      setBusy(false);
    }
  };

  const problemItem = (problem: PublishProblem, index: number) => (
    <li key={`${problem.path}-${index}`}>
      {problem.field ? (
        <button type="button" className="sf-link-button" onClick={() => onSelectField(problem.field ?? '')}>
          {localText(problem.message, locale)}
        </button>
      ) : (
        <span>{localText(problem.message, locale)}</span>
      )}
    </li>
  );

  return (
    <>
      <section aria-labelledby={`${base}-checks`}>
        <h2 id={`${base}-checks`}>{t.checksHeading}</h2>
        {checked === undefined ? <p>{t.checksPending}</p> : problems.length === 0 ? <p className="st-ok">{t.checksOk}</p> : null}
        {checked !== undefined && !upToDate ? <p className="sf-hint">{t.checksOfSaved}</p> : null}
        {errors.length > 0 ? (
          <div className="st-problems st-problems--error">
            <h3>{t.checksErrors(errors.length)}</h3>
            <p>{t.checksErrorsIntro}</p>
            <ul>{errors.map(problemItem)}</ul>
          </div>
        ) : null}
        {warnings.length > 0 ? (
          <div className="st-problems st-problems--warning">
            <h3>{t.checksWarnings(warnings.length)}</h3>
            <p>{t.checksWarningsIntro}</p>
            <ul>{warnings.map(problemItem)}</ul>
          </div>
        ) : null}
      </section>

      {collaborationTenants ? <ImpactSection tenant={tenant} service={service} locale={locale} tenants={collaborationTenants} saveNow={saveNow} revision={published === undefined ? undefined : String(published)} /> : null}

      <section aria-labelledby={`${base}-publish`}>
        <h2 id={`${base}-publish`}>{t.publishHeading(next)}</h2>
        {published !== undefined ? (
          <div className="st-success" tabIndex={-1} ref={doneRef}>
            <p className="st-success-title">{t.published(published)}</p>
            {citizenHref ? (
              <p>
                <a href={citizenHref}>{t.openCitizenPage}</a>
              </p>
            ) : null}
          </div>
        ) : null}
        <ProblemList key={n} title={t.publishProblem} problems={serverProblems} locale={locale} focusOnMount onSelect={(problem) => problem.field && onSelectField(problem.field)} />
        <form onSubmit={(event) => void publish(event)} noValidate>
          <div className={`sf-field${noteMissing ? ' sf-field--error' : ''}`}>
            <label className="sf-label" htmlFor={`${base}-note`}>
              {t.changeNote} <span className="sf-required">{t.requiredMark}</span>
            </label>
            <p className="sf-hint" id={`${base}-note-hint`}>
              {t.changeNoteHint}
            </p>
            {noteMissing ? (
              <p className="sf-error-message" id={`${base}-note-error`}>
                {t.changeNoteMissing}
              </p>
            ) : null}
            <textarea
              ref={noteRef}
              className="sf-textarea st-textarea-small"
              id={`${base}-note`}
              aria-describedby={`${base}-note-hint${noteMissing ? ` ${base}-note-error` : ''}`}
              aria-invalid={noteMissing || undefined}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <button type="submit" className="sf-button" aria-disabled={busy || errors.length > 0 || undefined} aria-describedby={errors.length > 0 ? `${base}-blocked` : undefined}>
            {t.publishButton(next)}
          </button>
          {errors.length > 0 ? (
            <p className="sf-hint" id={`${base}-blocked`}>
              {t.publishBlocked(errors.length)}
            </p>
          ) : null}
        </form>
      </section>

      <VersionsSection tenant={tenant} service={service} locale={locale} versions={versions} onRetired={loadVersions} />
    </>
  );
}
