import { text } from '@samform/model';
import { ReceiptView } from '@samform/renderer';
import { clientText } from '../client-text.ts';
import type { PageState } from '../page-state.ts';
import { Link, useTitle } from '../page-parts.tsx';
import { hrefFor } from '../router.ts';

/** The receipt after sending; the server keeps it for this browser, so its address works again. */
export function ReceiptPage({ state }: { state: Extract<PageState, { page: 'receipt' }> }) {
  const { locale, tenant, service, receipt } = state;
  const t = clientText(locale);
  useTitle([t.receipt, text(service.title, locale), tenant.name], locale);
  return (
    <div className="sf-main-column">
      <ReceiptView service={service} receipt={receipt} locale={locale} />
      <p>
        <Link href={hrefFor({ name: 'tenant', tenant: tenant.id }, locale)}>{t.backToServices(tenant.name)}</Link>
      </p>
    </div>
  );
}
