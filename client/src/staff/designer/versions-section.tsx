import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { DefinitionChange } from '@samform/model';
import { staffApi } from '../staff-api.ts';
import type { VersionSummary } from '../staff-api.ts';
import { Loading, localText, useAnnounce } from '../staff-parts.tsx';
import { staffText } from '../staff-text.ts';

type Side = number | 'draft';

/** The published versions with their notes, a readable diff between any two (or a version and the draft), and Retire. */
export function VersionsSection({ tenant, service, locale, versions, onRetired }: { tenant: string; service: string; locale: string; versions: VersionSummary[] | undefined; onRetired: () => void }) {
  const t = staffText(locale);
  const announce = useAnnounce();
  const base = useId();
  const [from, setFrom] = useState<Side | undefined>();
  const [to, setTo] = useState<Side>('draft');
  const [changes, setChanges] = useState<DefinitionChange[] | undefined>();
  const [diffFailed, setDiffFailed] = useState(false);
  const [confirmRetire, setConfirmRetire] = useState(false);
  const [retired, setRetired] = useState(false);

  const date = (iso: string) => new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium', timeStyle: 'short' });
  const parse = (value: string): Side => (value === 'draft' ? 'draft' : Number(value));
  const sideName = (side: Side) => (side === 'draft' ? t.draft : t.versionN(side));
  const shownFrom = from ?? versions?.[0]?.version;

  const compare = async (event: FormEvent) => {
    event.preventDefault();
    if (shownFrom === undefined) return;
    setDiffFailed(false);
    try {
      const list = await staffApi.diff(tenant, service, shownFrom, to);
      setChanges(list);
      announce(t.changesFound(list.length));
    } catch {
      setDiffFailed(true);
    }
  };

  const retire = async () => {
    try {
      await staffApi.retire(tenant, service);
      setRetired(true);
      setConfirmRetire(false);
      announce(t.retiredDone);
      onRetired();
    } catch {
      announce(t.retireFailed);
    }
  };

  const options = (
    <>
      <option value="draft">{t.draft}</option>
      {(versions ?? []).map((version) => (
        <option key={version.version} value={version.version}>
          {t.versionN(version.version)}
        </option>
      ))}
    </>
  );

  return (
    <section aria-labelledby={`${base}-versions`}>
      <h2 id={`${base}-versions`}>{t.versionsHeading}</h2>
      {versions === undefined ? <Loading locale={locale} /> : null}
      {versions?.length === 0 ? <p>{t.noVersions}</p> : null}
      {versions && versions.length > 0 ? (
        <>
          <ol className="st-versions" reversed>
            {versions.map((version) => (
              <li key={version.version}>
                <strong>{t.versionN(version.version)}</strong> <span className="st-muted">{date(version.publishedAt)}</span>
                {version.note ? <p className="st-note">{version.note}</p> : null}
              </li>
            ))}
          </ol>
          <h3>{t.compareHeading}</h3>
          <form className="st-compare" onSubmit={(event) => void compare(event)}>
            <div className="st-field-inline">
              <label className="sf-label" htmlFor={`${base}-from`}>
                {t.compareFrom}
              </label>
              <select className="sf-select" id={`${base}-from`} value={String(shownFrom)} onChange={(event) => setFrom(parse(event.target.value))}>
                {options}
              </select>
            </div>
            <div className="st-field-inline">
              <label className="sf-label" htmlFor={`${base}-to`}>
                {t.compareTo}
              </label>
              <select className="sf-select" id={`${base}-to`} value={String(to)} onChange={(event) => setTo(parse(event.target.value))}>
                {options}
              </select>
            </div>
            <button type="submit" className="sf-button sf-button--secondary">
              {t.compareButton}
            </button>
          </form>
          {diffFailed ? <p className="st-error-text">{t.compareFailed}</p> : null}
          {changes !== undefined && shownFrom !== undefined ? (
            <div className="st-diff" aria-live="polite">
              <h4>{t.changesBetween(sideName(shownFrom), sideName(to))}</h4>
              {changes.length === 0 ? (
                <p>{t.noChanges}</p>
              ) : (
                <ul>
                  {changes.map((change, index) => (
                    <li key={`${change.path}-${index}`} className={`st-change st-change--${change.kind}`}>
                      <span className="st-change-kind">{t.changeKind[change.kind]}</span> {localText(change.summary, locale)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ) : null}
        </>
      ) : null}
      <h3>{t.retireHeading}</h3>
      <p>{t.retireIntro}</p>
      {retired ? (
        <p className="st-ok">{t.retiredDone}</p>
      ) : confirmRetire ? (
        <div className="st-confirm" role="group" aria-label={t.retireConfirmLabel}>
          <p>{t.retireConfirm}</p>
          <div className="st-button-row">
            <button type="button" className="sf-button st-button-danger" onClick={() => void retire()}>
              {t.retireYes}
            </button>
            <button type="button" className="sf-button sf-button--secondary" onClick={() => setConfirmRetire(false)}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="sf-button sf-button--secondary" onClick={() => setConfirmRetire(true)}>
          {t.retireButton}
        </button>
      )}
    </section>
  );
}
