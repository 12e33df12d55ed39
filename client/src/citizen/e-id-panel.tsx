import { clientText } from './client-text.ts';
import { PageHeading } from './page-parts.tsx';
import type { EIdState } from './page-state.ts';

/**
 * Shown instead of the form while an e-ID e-service has no login: plain links and forms, so it
 * works without JavaScript (the login is a full-page round trip to the e-ID provider anyway).
 */
export function EIdGate({ eId, title, locale }: { eId: EIdState; title: string; locale: string }) {
  const t = clientText(locale);
  if (eId.missingPersonnummer) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <div className="sf-notice sf-notice--warning" role="alert">
          <h2 className="sf-notice-heading">{t.eIdNoPersonnummerTitle}</h2>
          <p className="sf-notice-body">{t.eIdNoPersonnummer}</p>
        </div>
        <LogoutForm eId={eId} locale={locale} />
      </>
    );
  }
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <h2>{t.eIdRequiredTitle}</h2>
      <p>{t.eIdRequired}</p>
      <p>
        <a className="sf-button" href={eId.loginHref}>
          {t.eIdLogIn}
        </a>
      </p>
    </>
  );
}

/** True when the form cannot be shown yet: a required login is missing, or the login lacks the personnummer. */
export function eIdBlocksForm(eId: EIdState | undefined): boolean {
  return eId !== undefined && (eId.missingPersonnummer || (eId.identification === 'e-id' && eId.login === null));
}

/** Above the form: who is logged in (with a logout button), or the optional login. */
export function EIdStatus({ eId, locale }: { eId: EIdState; locale: string }) {
  const t = clientText(locale);
  if (eId.login !== null) {
    return (
      <div className="sf-e-id-status">
        <p>{t.eIdLoggedIn(eId.login.name)}</p>
        {/* Said in advance, so it holds without JavaScript too (WCAG 2.2.1). */}
        {eId.login.idleMinutes === undefined ? null : <p className="sf-hint">{t.eIdIdle(eId.login.idleMinutes)}</p>}
        <LogoutForm eId={eId} locale={locale} />
      </div>
    );
  }
  if (eId.identification !== 'optional') return null;
  return (
    <div className="sf-e-id-status">
      <p>{t.eIdOptional}</p>
      <p>
        <a className="sf-button sf-button--secondary" href={eId.loginHref}>
          {t.eIdLogInOptional}
        </a>
      </p>
    </div>
  );
}

function LogoutForm({ eId, locale }: { eId: EIdState; locale: string }) {
  return (
    <form method="post" action={eId.logoutAction}>
      <button type="submit" className="sf-button sf-button--secondary">
        {clientText(locale).eIdLogOut}
      </button>
    </form>
  );
}
