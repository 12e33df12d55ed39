import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, staffApi } from './staff-api.ts';
import type { StaffUser } from './staff-api.ts';
import { PageHeading, useAnnounce, useStaffTitle } from './staff-parts.tsx';
import { staffText } from './staff-text.ts';

/** Sign-in with a staff account; on success the session's user (with its roles per tenant). */
export function LoginPage({ locale, onLoggedIn }: { locale: string; onLoggedIn: (user: StaffUser) => void }) {
  const t = staffText(locale);
  const announce = useAnnounce();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  // Tenants with single sign-on (issue 6): a plain link each, since the login leaves the page.
  const [ssoTenants, setSsoTenants] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    staffApi.ssoTenants().then(
      ({ tenants }) => setSsoTenants(tenants),
      () => setSsoTenants([]),
    );
  }, []);
  useStaffTitle([error ? `${t.errorPrefix} ${t.logIn}` : t.logIn], locale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (username.trim() === '' || password === '') {
      setError(t.loginMissing);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      await staffApi.logIn(username.trim(), password);
      const { user } = await staffApi.me();
      announce(t.loggedIn(user.displayName));
      onLoggedIn(user);
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? t.loginWrong : t.loginFailed);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sf-main-column">
      {error ? (
        <div className="sf-error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2 className="sf-error-summary-title">{t.loginProblem}</h2>
          <p className="st-error-text">{error}</p>
        </div>
      ) : null}
      <PageHeading>{t.logIn}</PageHeading>
      <p>{t.loginIntro}</p>
      <form onSubmit={(event) => void submit(event)} noValidate className="sf-form">
        <div className="sf-field">
          <label className="sf-label" htmlFor="st-username">
            {t.username}
          </label>
          <input
            className="sf-input"
            id="st-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="sf-field">
          <label className="sf-label" htmlFor="st-password">
            {t.password}
          </label>
          <input
            className="sf-input"
            id="st-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div className="sf-actions">
          <button type="submit" className="sf-button" aria-disabled={busy || undefined}>
            {t.logIn}
          </button>
        </div>
      </form>
      {ssoTenants.length > 0 ? (
        <section aria-labelledby="st-sso-heading">
          <h2 id="st-sso-heading">{t.ssoHeading}</h2>
          <ul className="st-sso-list">
            {ssoTenants.map((tenant) => (
              <li key={tenant.id}>
                <a className="sf-button sf-button--secondary" href={`/api/auth/sso/${encodeURIComponent(tenant.id)}/login`}>
                  {t.ssoLogIn(tenant.name)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
