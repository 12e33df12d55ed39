import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { ApiError } from '../staff-api.ts';
import { Loading, PageHeading, useAnnounce, useStaffTitle } from '../staff-parts.tsx';
import { ShownOnce } from '../admin/admin-parts.tsx';
import { platformApi } from './platform-api.ts';
import type { PlatformTenant } from './platform-api.ts';
import { platformText } from './platform-text.ts';

/** A problem at one field of a form (or at none: `field` is undefined). */
interface FieldProblem {
  field?: string;
  message: string;
}

/**
 * The platform administrators' page: every tenant with its membership, a form to add a
 * municipality or collaboration, and one to appoint a tenant's administrator (a new account's
 * one-time password is shown once).
 */
export default function PlatformPage({ locale, onTenantsChanged }: { locale: string; onTenantsChanged?(): void }) {
  const t = platformText(locale);
  const announce = useAnnounce();
  const [tenants, setTenants] = useState<PlatformTenant[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [appointFor, setAppointFor] = useState('');
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  useStaffTitle([t.title], locale);

  const load = useCallback(() => {
    platformApi.tenants().then(setTenants, () => setFailed(true));
  }, []);
  useEffect(load, [load]);

  const nameOf = (id: string) => tenants?.find((x) => x.id === id)?.name ?? id;
  const collaborations = (tenants ?? []).filter((x) => x.kind === 'collaboration');

  return (
    <div className="st-page">
      <PageHeading>{t.title}</PageHeading>
      <p className="sf-lead">{t.intro}</p>
      {shown ? <ShownOnce heading={t.oneTimePassword(shown.username)} hint={t.oneTimeHint} value={shown.password} doneLabel={t.done} onDone={() => setShown(null)} /> : null}
      {failed ? <p className="st-error-text">{t.failed}</p> : null}
      {tenants === undefined && !failed ? <Loading locale={locale} /> : null}
      {tenants ? (
        <div className="st-table-wrap" role="region" aria-labelledby="platform-tenants-caption" tabIndex={0}>
          <table className="st-table">
            <caption id="platform-tenants-caption">{t.tenantsTable}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.id}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.membership}</th>
              </tr>
            </thead>
            <tbody>
              {tenants.map((tenant) => {
                const members = tenants.filter((x) => x.memberOf.includes(tenant.id));
                return (
                  <tr key={tenant.id}>
                    <th scope="row">{tenant.name}</th>
                    <td className="st-mono">{tenant.id}</td>
                    <td>{tenant.kind === 'municipality' ? t.municipality : t.collaboration}</td>
                    <td>
                      {tenant.kind === 'collaboration'
                        ? t.membersList(members.length)
                        : tenant.memberOf.length === 0
                          ? t.noMembership
                          : t.memberOfList(tenant.memberOf.map(nameOf).join(', '))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <NewTenant
        locale={locale}
        collaborations={collaborations}
        onCreated={(tenant) => {
          announce(t.created(tenant.name));
          setAppointFor(tenant.id);
          load();
          onTenantsChanged?.();
        }}
      />
      {tenants ? (
        <AppointAdmin
          locale={locale}
          tenants={tenants}
          chosen={appointFor}
          onChoose={setAppointFor}
          onAppointed={(answer, tenant) => {
            announce(t.appointed(answer.username, nameOf(tenant)));
            if (answer.initialPassword) setShown({ username: answer.username, password: answer.initialPassword });
          }}
        />
      ) : null}
    </div>
  );
}

// The server's pointers (`/id`, `/memberOf/0`) named by field, with this page's own words.
function problemsOf(caught: unknown, words: Record<string, string>, fallback: string, statusField: Record<number, string> = {}): FieldProblem[] {
  if (caught instanceof ApiError && caught.errors.length > 0) {
    const seen = new Set<string>();
    const problems: FieldProblem[] = [];
    for (const error of caught.errors) {
      const field = error.path.split('/')[1];
      if (field !== undefined && words[field] !== undefined) {
        if (!seen.has(field)) problems.push({ field, message: words[field] });
        seen.add(field);
      } else problems.push({ message: typeof error.message === 'string' ? error.message : fallback });
    }
    return problems;
  }
  const field = caught instanceof ApiError ? statusField[caught.status] : undefined;
  if (field !== undefined) return [{ field, message: words[field === 'id' ? 'idTaken' : field] ?? fallback }];
  return [{ message: caught instanceof ApiError && caught.status !== 0 && caught.status < 500 ? caught.message : fallback }];
}

/** The error summary: it takes focus, and each entry moves focus to its field. */
function ErrorSummary({ problems, title, fieldId }: { problems: FieldProblem[]; title: string; fieldId(field: string): string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div className="sf-error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h3 className="sf-error-summary-title">{title}</h3>
      <ul className="sf-error-summary-list">
        {problems.map((problem, index) => (
          <li key={`${problem.field ?? ''}-${index}`}>
            {problem.field === undefined ? (
              problem.message
            ) : (
              <a
                href={`#${fieldId(problem.field)}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(fieldId(problem.field!))?.focus();
                }}
              >
                {problem.message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One labelled text field with its hint and its error, linked by aria-describedby. */
function TextField({
  id,
  label,
  hint,
  error,
  errorPrefix,
  value,
  onChange,
  spellCheck,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  errorPrefix: string;
  value: string;
  onChange(value: string): void;
  spellCheck?: boolean;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`sf-field${error ? ' sf-field--error' : ''}`}>
      <label className="sf-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="sf-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} prefix={errorPrefix} />
      <input
        id={id}
        className={`sf-input${error ? ' sf-input--error' : ''}`}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={spellCheck}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        aria-invalid={error ? true : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

function FieldError({ id, error, prefix }: { id: string; error: string | undefined; prefix: string }): ReactNode {
  if (!error) return null;
  return (
    <p className="sf-error-message" id={`${id}-error`}>
      <span className="sf-visually-hidden">{prefix}</span>
      {error}
    </p>
  );
}

function NewTenant({ locale, collaborations, onCreated }: { locale: string; collaborations: PlatformTenant[]; onCreated(tenant: PlatformTenant): void }) {
  const t = platformText(locale);
  const id = useId();
  const fieldId = (field: string) => `${id}-${field}`;
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'municipality' | 'collaboration' | ''>('');
  const [memberOf, setMemberOf] = useState<string[]>([]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const errorAt = (field: string) => problems.find((p) => p.field === field)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await platformApi.createTenant({ id: slug.trim(), name: name.trim(), kind, ...(kind === 'municipality' ? { memberOf } : {}) });
      setProblems([]);
      setSlug('');
      setName('');
      setKind('');
      setMemberOf([]);
      onCreated(created);
    } catch (caught) {
      setProblems(problemsOf(caught, t.fields, t.failed, { 409: 'id' }));
    }
  };

  const kindError = errorAt('kind');
  const memberError = errorAt('memberOf');
  return (
    <section className="st-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.newTenant}</h2>
      <ErrorSummary problems={problems} title={t.errorTitle(problems.length)} fieldId={fieldId} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField id={fieldId('id')} label={t.idLabel} hint={t.idHint} error={errorAt('id')} errorPrefix={t.errorPrefix} value={slug} onChange={setSlug} spellCheck={false} />
        <TextField id={fieldId('name')} label={t.nameLabel} error={errorAt('name')} errorPrefix={t.errorPrefix} value={name} onChange={setName} />
        <div className={`sf-field${kindError ? ' sf-field--error' : ''}`}>
          <fieldset className="sf-fieldset" aria-describedby={kindError ? `${fieldId('kind')}-error` : undefined}>
            <legend className="sf-legend">{t.kindLegend}</legend>
            <FieldError id={fieldId('kind')} error={kindError} prefix={t.errorPrefix} />
            <div className="sf-choices">
              {(['municipality', 'collaboration'] as const).map((option, index) => (
                <label key={option} className="sf-choice">
                  <input
                    type="radio"
                    className="sf-choice-input"
                    name={`${id}-kind`}
                    id={index === 0 ? fieldId('kind') : undefined}
                    value={option}
                    checked={kind === option}
                    onChange={() => setKind(option)}
                  />
                  <span className="sf-choice-label">{option === 'municipality' ? t.municipality : t.collaboration}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        {kind === 'municipality' ? (
          <div className={`sf-field${memberError ? ' sf-field--error' : ''}`}>
            <fieldset className="sf-fieldset" aria-describedby={[`${fieldId('memberOf')}-hint`, memberError ? `${fieldId('memberOf')}-error` : ''].filter(Boolean).join(' ')}>
              <legend className="sf-legend">{t.memberOfLegend}</legend>
              <p className="sf-hint" id={`${fieldId('memberOf')}-hint`}>
                {t.memberOfHint}
              </p>
              <FieldError id={fieldId('memberOf')} error={memberError} prefix={t.errorPrefix} />
              <div className="sf-choices">
                {collaborations.map((collaboration, index) => (
                  <label key={collaboration.id} className="sf-choice">
                    <input
                      type="checkbox"
                      className="sf-choice-input"
                      id={index === 0 ? fieldId('memberOf') : undefined}
                      checked={memberOf.includes(collaboration.id)}
                      onChange={(event) => setMemberOf(event.target.checked ? [...memberOf, collaboration.id] : memberOf.filter((m) => m !== collaboration.id))}
                    />
                    <span className="sf-choice-label">{collaboration.name}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        ) : null}
        <button type="submit" className="sf-button">
          {t.create}
        </button>
      </form>
    </section>
  );
}

function AppointAdmin({
  locale,
  tenants,
  chosen,
  onChoose,
  onAppointed,
}: {
  locale: string;
  tenants: PlatformTenant[];
  chosen: string;
  onChoose(tenant: string): void;
  onAppointed(answer: { username: string; initialPassword?: string }, tenant: string): void;
}) {
  const t = platformText(locale);
  const id = useId();
  const fieldId = (field: string) => `${id}-${field}`;
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const errorAt = (field: string) => problems.find((p) => p.field === field)?.message;
  const tenantError = errorAt('tenant');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen === '') return setProblems([{ field: 'tenant', message: t.fields.tenant }]);
    try {
      const answer = await platformApi.appointAdmin(chosen, { username: username.trim(), ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }) });
      setProblems([]);
      setUsername('');
      setDisplayName('');
      onAppointed(answer, chosen);
    } catch (caught) {
      setProblems(problemsOf(caught, t.fields, t.failed, { 404: 'tenant' }));
    }
  };

  return (
    <section className="st-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.appoint}</h2>
      <p>{t.appointIntro}</p>
      <ErrorSummary problems={problems} title={t.errorTitle(problems.length)} fieldId={fieldId} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className={`sf-field${tenantError ? ' sf-field--error' : ''}`}>
          <label className="sf-label" htmlFor={fieldId('tenant')}>
            {t.appointTenant}
          </label>
          <FieldError id={fieldId('tenant')} error={tenantError} prefix={t.errorPrefix} />
          <select
            id={fieldId('tenant')}
            className="sf-select"
            value={chosen}
            aria-invalid={tenantError ? true : undefined}
            aria-describedby={tenantError ? `${fieldId('tenant')}-error` : undefined}
            onChange={(event) => onChoose(event.target.value)}
          >
            <option value="">{t.chooseTenant}</option>
            {tenants.map((tenant) => (
              <option key={tenant.id} value={tenant.id}>
                {tenant.name}
              </option>
            ))}
          </select>
        </div>
        <TextField id={fieldId('username')} label={t.username} hint={t.usernameHint} error={errorAt('username')} errorPrefix={t.errorPrefix} value={username} onChange={setUsername} spellCheck={false} />
        <TextField id={fieldId('displayName')} label={t.displayName} hint={t.displayNameHint} error={errorAt('displayName')} errorPrefix={t.errorPrefix} value={displayName} onChange={setDisplayName} />
        <button type="submit" className="sf-button">
          {t.appointButton}
        </button>
      </form>
    </section>
  );
}
