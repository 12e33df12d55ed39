import { useCallback, useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Loading, PageHeading, useAnnounce, useStaffTitle } from '../staff-parts.tsx';
import { adminApi } from './admin-api.ts';
import type { AuditEntryView } from './admin-api.ts';
import { TenantNav, Time } from './admin-parts.tsx';
import { adminText } from './admin-text.ts';
import type { AdminView } from './admin-views.ts';

/** A tenant's audit log for its auditors and administrators: newest first, filtered by kind, paged. */
export default function AuditPage({ tenant, tenantName, locale, views }: { tenant: string; tenantName: string; locale: string; views: AdminView[] }) {
  const t = adminText(locale);
  const id = useId();
  const announce = useAnnounce();
  const [kind, setKind] = useState('');
  const [shownKind, setShownKind] = useState('');
  const [entries, setEntries] = useState<AuditEntryView[] | undefined>();
  const [next, setNext] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useStaffTitle([t.auditOf(tenantName)], locale);

  const load = useCallback(
    async (filter: string, before?: string) => {
      try {
        const page = await adminApi.audit(tenant, { ...(filter ? { kind: filter } : {}), ...(before ? { before } : {}) });
        setEntries((previous) => (before && previous ? [...previous, ...page.entries] : page.entries));
        setNext(page.next);
        setFailed(false);
        return page.entries.length;
      } catch {
        setFailed(true);
        return 0;
      }
    },
    [tenant],
  );
  useEffect(() => {
    void load('');
  }, [load]);

  const filter = async (event: FormEvent) => {
    event.preventDefault();
    setEntries(undefined);
    setShownKind(kind);
    const count = await load(kind);
    announce(`${count} ${t.auditTable.toLowerCase()}`);
  };

  const who = (entry: AuditEntryView): string => {
    switch (entry.actor.kind) {
      case 'staff':
        return entry.actor.username;
      case 'api-key':
        return t.key(entry.actor.keyId, entry.actor.tenant);
      case 'anonymous':
        return t.unknownUser(entry.actor.username);
    }
  };
  const detail = (entry: AuditEntryView): string =>
    [entry.target, ...Object.entries(entry.detail ?? {}).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)].filter(Boolean).join(' · ');

  return (
    <div className="st-page">
      <TenantNav tenant={tenant} current="audit" locale={locale} views={views} />
      <PageHeading>{t.auditOf(tenantName)}</PageHeading>
      <p className="sf-lead">{t.auditIntro}</p>
      <form className="st-filter" onSubmit={(event) => void filter(event)}>
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${id}-kind`}>
            {t.kindFilter}
          </label>
          <select className="sf-select" id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t.allKinds}</option>
            {Object.entries(t.kinds).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="sf-button sf-button--secondary">
          {t.show}
        </button>
      </form>
      {failed ? <p className="st-error-text">{t.failed}</p> : null}
      {entries === undefined && !failed ? <Loading locale={locale} /> : null}
      {entries?.length === 0 ? <p>{t.noEntries}</p> : null}
      {entries && entries.length > 0 ? (
        <div className="st-table-wrap">
          <table className="st-table">
            <caption>
              {t.auditTable}
              {shownKind ? `: ${t.kinds[shownKind] ?? shownKind}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.at}</th>
                <th scope="col">{t.event}</th>
                <th scope="col">{t.who}</th>
                <th scope="col">{t.what}</th>
                <th scope="col">{t.address}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <Time iso={entry.at} locale={locale} />
                  </td>
                  <td>{t.kinds[entry.kind] ?? entry.kind}</td>
                  <td>{who(entry)}</td>
                  <td className="st-break">{detail(entry)}</td>
                  <td>{entry.ip ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next ? (
        <p>
          <button type="button" className="sf-button sf-button--secondary" onClick={() => void load(shownKind, next)}>
            {t.older}
          </button>
        </p>
      ) : null}
    </div>
  );
}
