import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../staff-api.ts';
import type { PointedError } from '../staff-api.ts';
import { Loading, PageHeading, ProblemList, useAnnounce, useStaffTitle } from '../staff-parts.tsx';
import { adminApi } from './admin-api.ts';
import type { ApiKeyInfo, QueueOption } from './admin-api.ts';
import { CheckboxGroup, RowAction, ShownOnce, TenantNav, Time, queueNames, queueOptions } from './admin-parts.tsx';
import { adminText } from './admin-text.ts';
import type { AdminView } from './admin-views.ts';

/** A tenant's API keys for its administrators: list, create, rotate and revoke; a secret is shown once. */
export default function KeysPage({ tenant, tenantName, locale, views }: { tenant: string; tenantName: string; locale: string; views: AdminView[] }) {
  const t = adminText(locale);
  const id = useId();
  const announce = useAnnounce();
  const [keys, setKeys] = useState<ApiKeyInfo[] | undefined>();
  const [queues, setQueues] = useState<QueueOption[]>([]);
  const [failed, setFailed] = useState(false);
  const [shown, setShown] = useState<{ name: string; secret: string } | null>(null);
  const [label, setLabel] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [problems, setProblems] = useState<PointedError[]>([]);
  const attempt = useRef(0);
  useStaffTitle([t.keysOf(tenantName)], locale);

  const load = useCallback(() => {
    adminApi.keys(tenant).then(setKeys, () => setFailed(true));
  }, [tenant]);
  useEffect(load, [load]);
  useEffect(() => {
    adminApi.queues(tenant).then(setQueues, () => setQueues([]));
  }, [tenant]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await adminApi.createKey(tenant, { label, ...(chosen.length === 0 ? {} : { queues: chosen }) });
      setProblems([]);
      setLabel('');
      setChosen([]);
      setShown({ name: created.key.label, secret: created.secret });
      load();
    } catch (caught) {
      attempt.current += 1;
      setProblems(caught instanceof ApiError && caught.errors.length > 0 ? caught.errors : [{ path: '', message: t.failed }]);
    }
  };

  const rotate = async (key: ApiKeyInfo) => {
    try {
      const rotated = await adminApi.rotateKey(tenant, key.id);
      setShown({ name: rotated.key.label, secret: rotated.secret });
      load();
    } catch {
      announce(t.failed);
    }
  };

  const revoke = async (key: ApiKeyInfo) => {
    if (!window.confirm(t.confirmRevoke(key.label))) return;
    try {
      await adminApi.revokeKey(tenant, key.id);
      announce(t.revoked(key.label));
      load();
    } catch {
      announce(t.failed);
    }
  };

  const queuesOf = (ids: string[] | null) => (ids === null ? t.all : queueNames(queues, locale, ids));

  return (
    <div className="st-page">
      <TenantNav tenant={tenant} current="keys" locale={locale} views={views} />
      <PageHeading>{t.keysOf(tenantName)}</PageHeading>
      <p className="sf-lead">{t.keysIntro}</p>
      {shown ? <ShownOnce heading={t.secretOf(shown.name)} hint={t.secretHint} value={shown.secret} doneLabel={t.cancel} onDone={() => setShown(null)} /> : null}
      {failed ? <p className="st-error-text">{t.failed}</p> : null}
      {keys === undefined && !failed ? <Loading locale={locale} /> : null}
      {keys?.length === 0 ? <p>{t.noKeys}</p> : null}
      {keys && keys.length > 0 ? (
        <div className="st-table-wrap">
          <table className="st-table">
            <caption>{t.keysTable}</caption>
            <thead>
              <tr>
                <th scope="col">{t.label}</th>
                <th scope="col">{t.prefix}</th>
                <th scope="col">{t.createdAt}</th>
                <th scope="col">{t.lastUsed}</th>
                <th scope="col">{t.queuesLabel}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <th scope="row">{key.label}</th>
                  <td>
                    <code className="st-mono">{key.prefix ?? '–'}</code>
                  </td>
                  <td>
                    <Time iso={key.createdAt} locale={locale} />
                  </td>
                  <td>{key.lastUsedAt === null ? t.never : <Time iso={key.lastUsedAt} locale={locale} />}</td>
                  <td>{queuesOf(key.queues)}</td>
                  <td>
                    <div className="st-cell-actions">
                      <RowAction shown={t.shown.rotate} label={t.rotate(key.label)} onClick={() => void rotate(key)} />
                      <RowAction shown={t.shown.revoke} label={t.revoke(key.label)} onClick={() => void revoke(key)} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <section className="st-card" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{t.createKey}</h2>
        <ProblemList key={attempt.current} title={t.problem} problems={problems} locale={locale} focusOnMount />
        <form onSubmit={(event) => void create(event)} noValidate>
          <div className="sf-field">
            <label className="sf-label" htmlFor={`${id}-l`}>
              {t.label}
            </label>
            <input className="sf-input" id={`${id}-l`} autoComplete="off" value={label} onChange={(e) => setLabel(e.target.value)} />
          </div>
          <CheckboxGroup legend={t.queuesLabel} hint={t.keyQueuesHint} options={queueOptions(queues, locale)} value={chosen} onChange={setChosen} />
          <button type="submit" className="sf-button">
            {t.createKey}
          </button>
        </form>
      </section>
    </div>
  );
}
