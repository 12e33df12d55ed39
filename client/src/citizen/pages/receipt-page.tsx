import { text } from '@samform/model';
import { ReceiptView } from '@samform/renderer';
import { clientText } from '../client-text.ts';
import type { PageState } from '../page-state.ts';
import { Link, useTitle } from '../page-parts.tsx';
import { hrefFor } from '../router.ts';
import { CaseStatusView } from './case-status-view.tsx';

/** The receipt after sending; the server keeps it for this browser, so its address works again. */
export function ReceiptPage({ state }: { state: Extract<PageState, { page: 'receipt' }> }) {
  const { locale, tenant, service, receipt } = state;
  const t = clientText(locale);
  useTitle([t.receipt, text(service.title, locale), tenant.name], locale);
  return (
    <div className="sf-main-column">
      <ReceiptView service={service} receipt={receipt} locale={locale} />
      {state.caseStatus ? (
        <section aria-labelledby="sf-follow-case">
          <h2 id="sf-follow-case">{t.followCase}</h2>
          <CaseStatusView status={state.caseStatus} locale={locale} level={3} statusHref={`${state.caseStatus.statusPath}${locale === 'en' ? '?lang=en' : ''}`} />
        </section>
      ) : null}
      <p>
        <Link href={hrefFor({ name: 'tenant', tenant: tenant.id }, locale)}>{t.backToServices(tenant.name)}</Link>
      </p>
    </div>
  );
}
