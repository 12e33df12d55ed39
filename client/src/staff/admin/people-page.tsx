import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../staff-api.ts';
import type { PointedError } from '../staff-api.ts';
import { Loading, PageHeading, ProblemList, useAnnounce, useStaffTitle } from '../staff-parts.tsx';
import { adminApi } from './admin-api.ts';
import type { QueueOption, StaffAccount } from './admin-api.ts';
import { CheckboxGroup, RowAction, ShownOnce, TenantNav, queueNames, queueOptions } from './admin-parts.tsx';
import type { AdminView } from './admin-views.ts';
import { adminText } from './admin-text.ts';

const ROLES = ['admin', 'designer', 'caseworker', 'auditor'];

/** A tenant's staff for its administrators: the list, a new account, roles and queues, disable, new password. */
export default function PeoplePage({ tenant, tenantName, locale, me, views }: { tenant: string; tenantName: string; locale: string; me: string | undefined; views: AdminView[] }) {
  const t = adminText(locale);
  const announce = useAnnounce();
  const [staff, setStaff] = useState<StaffAccount[] | undefined>();
  const [queues, setQueues] = useState<QueueOption[]>([]);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<StaffAccount | null>(null);
  const [shown, setShown] = useState<{ name: string; password: string } | null>(null);
  useStaffTitle([t.peopleOf(tenantName)], locale);

  const load = useCallback(() => {
    adminApi.staff(tenant).then(setStaff, () => setFailed(true));
  }, [tenant]);
  useEffect(load, [load]);
  useEffect(() => {
    adminApi.queues(tenant).then(setQueues, () => setQueues([]));
  }, [tenant]);

  const roleNames = (roles: string[]) => (roles.length === 0 ? t.none : roles.map((r) => t.roles[r] ?? r).join(', '));
  const queuesOf = (ids: string[]) => (ids.length === 0 ? t.none : queueNames(queues, locale, ids));

  const toggle = async (account: StaffAccount) => {
    try {
      const changed = await adminApi.updateStaff(tenant, account.id, { disabled: !account.disabled });
      announce(t.saved(changed.username));
      load();
    } catch (caught) {
      announce(caught instanceof ApiError ? caught.message : t.failed);
    }
  };

  const reset = async (account: StaffAccount) => {
    try {
      const answer = await adminApi.resetPassword(tenant, account.id);
      if (answer.initialPassword) setShown({ name: account.username, password: answer.initialPassword });
    } catch {
      announce(t.failed);
    }
  };

  return (
    <div className="st-page">
      <TenantNav tenant={tenant} current="people" locale={locale} views={views} />
      <PageHeading>{t.peopleOf(tenantName)}</PageHeading>
      <p className="sf-lead">{t.peopleIntro}</p>
      {shown ? <ShownOnce heading={t.oneTimePassword(shown.name)} hint={t.oneTimeHint} value={shown.password} doneLabel={t.cancel} onDone={() => setShown(null)} /> : null}
      {failed ? <p className="st-error-text">{t.failed}</p> : null}
      {staff === undefined && !failed ? <Loading locale={locale} /> : null}
      {staff ? (
        <div className="st-table-wrap">
          <table className="st-table">
            <caption>{t.staffTable}</caption>
            <thead>
              <tr>
                <th scope="col">{t.username}</th>
                <th scope="col">{t.displayName}</th>
                <th scope="col">{t.rolesLabel}</th>
                <th scope="col">{t.queuesLabel}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((account) => (
                <tr key={account.id}>
                  <th scope="row">
                    {account.username} {account.id === me ? t.you : ''}
                  </th>
                  <td>{account.displayName}</td>
                  <td>{roleNames(account.roles)}</td>
                  <td>{account.roles.includes('caseworker') ? queuesOf(account.queues) : '–'}</td>
                  <td>
                    {account.disabled ? t.disabledState : t.active}
                    {account.demo ? ` (${t.demoAccount})` : ''}
                  </td>
                  <td>
                    <div className="st-cell-actions">
                      <RowAction shown={t.shown.edit} label={t.edit(account.username)} onClick={() => setEditing(account)} />
                      {account.id === me ? null : account.disabled ? (
                        <RowAction shown={t.shown.enable} label={t.enable(account.username)} onClick={() => void toggle(account)} />
                      ) : (
                        <RowAction shown={t.shown.disable} label={t.disable(account.username)} onClick={() => void toggle(account)} />
                      )}
                      <RowAction shown={t.shown.resetPassword} label={t.resetPassword(account.username)} onClick={() => void reset(account)} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing ? (
        <EditAccount
          key={editing.id}
          tenant={tenant}
          account={editing}
          queues={queues}
          locale={locale}
          onDone={(saved) => {
            setEditing(null);
            if (saved) load();
          }}
        />
      ) : null}
      <NewAccount
        tenant={tenant}
        queues={queues}
        locale={locale}
        onCreated={(name, password) => {
          if (password) setShown({ name, password });
          load();
        }}
      />
    </div>
  );
}

function problemsOf(caught: unknown, fallback: string): PointedError[] {
  if (caught instanceof ApiError && caught.errors.length > 0) return caught.errors;
  if (caught instanceof ApiError && caught.status === 409) return [{ path: '', message: caught.message }];
  return [{ path: '', message: fallback }];
}

function NewAccount({ tenant, queues, locale, onCreated }: { tenant: string; queues: QueueOption[]; locale: string; onCreated(name: string, password?: string): void }) {
  const t = adminText(locale);
  const id = useId();
  const announce = useAnnounce();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [chosenQueues, setChosenQueues] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<PointedError[]>([]);
  const attempt = useRef(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await adminApi.createStaff(tenant, { username: username.trim(), displayName, roles, queues: chosenQueues, ...(password === '' ? {} : { password }) });
      setProblems([]);
      setUsername('');
      setDisplayName('');
      setRoles([]);
      setChosenQueues([]);
      setPassword('');
      announce(t.created(created.staff.username));
      onCreated(created.staff.username, created.initialPassword);
    } catch (caught) {
      attempt.current += 1;
      setProblems(problemsOf(caught, t.failed));
    }
  };

  return (
    <section className="st-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.newAccount}</h2>
      <ProblemList key={attempt.current} title={t.problem} problems={problems} locale={locale} focusOnMount />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${id}-u`}>
            {t.username}
          </label>
          <input className="sf-input" id={`${id}-u`} autoComplete="off" spellCheck={false} autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${id}-n`}>
            {t.displayName}
          </label>
          <input className="sf-input" id={`${id}-n`} autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </div>
        <CheckboxGroup legend={t.rolesLabel} options={ROLES.map((r) => ({ value: r, label: t.roles[r] ?? r }))} value={roles} onChange={setRoles} />
        <CheckboxGroup legend={t.queuesLabel} hint={t.queuesHint} options={queueOptions(queues, locale)} value={chosenQueues} onChange={setChosenQueues} />
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${id}-p`}>
            {t.password}
          </label>
          <p className="sf-hint" id={`${id}-p-hint`}>
            {t.passwordHint}
          </p>
          <input className="sf-input" id={`${id}-p`} type="password" autoComplete="new-password" aria-describedby={`${id}-p-hint`} value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button type="submit" className="sf-button">
          {t.create}
        </button>
      </form>
    </section>
  );
}

function EditAccount({ tenant, account, queues, locale, onDone }: { tenant: string; account: StaffAccount; queues: QueueOption[]; locale: string; onDone(saved: boolean): void }) {
  const t = adminText(locale);
  const id = useId();
  const announce = useAnnounce();
  const heading = useRef<HTMLHeadingElement>(null);
  const [displayName, setDisplayName] = useState(account.displayName);
  const [roles, setRoles] = useState(account.roles);
  const [chosenQueues, setChosenQueues] = useState(account.queues);
  const [problems, setProblems] = useState<PointedError[]>([]);
  const attempt = useRef(0);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await adminApi.updateStaff(tenant, account.id, { displayName, roles, queues: chosenQueues });
      announce(t.saved(saved.username));
      onDone(true);
    } catch (caught) {
      attempt.current += 1;
      setProblems(problemsOf(caught, t.failed));
    }
  };

  return (
    <section className="st-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} tabIndex={-1} ref={heading}>
        {t.editHeading(account.username)}
      </h2>
      <ProblemList key={attempt.current} title={t.problem} problems={problems} locale={locale} focusOnMount />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${id}-n`}>
            {t.displayName}
          </label>
          <input className="sf-input" id={`${id}-n`} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </div>
        <CheckboxGroup legend={t.rolesLabel} options={ROLES.map((r) => ({ value: r, label: t.roles[r] ?? r }))} value={roles} onChange={setRoles} />
        <CheckboxGroup legend={t.queuesLabel} hint={t.queuesHint} options={queueOptions(queues, locale)} value={chosenQueues} onChange={setChosenQueues} />
        <div className="st-button-row">
          <button type="submit" className="sf-button">
            {t.save}
          </button>
          <button type="button" className="sf-button sf-button--secondary" onClick={() => onDone(false)}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
