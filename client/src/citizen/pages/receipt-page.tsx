import { useContext } from 'react';
import { text } from '@samform/model';
import { ReceiptView } from '@samform/renderer';
import { fetchService, fetchTenants } from '../api.ts';
import { clientText } from '../client-text.ts';
import { Link, Loading, NavigatedContext, PageHeading, Problem, useTitle } from '../page-parts.tsx';
import { hrefFor } from '../router.ts';
import { lastReceipt } from '../session-store.ts';
import { useLoad } from '../use-load.ts';

/** The receipt after sending; kept in the tab so a reload still shows it. */
export function ReceiptPage({ tenant, service, locale }: { tenant: string; service: string; locale: string }) {
  const t = clientText(locale);
  const navigated = useContext(NavigatedContext);
  const loaded = useLoad(`service:${tenant}:${service}`, async () => {
    const [tenants, definition] = await Promise.all([fetchTenants(locale), fetchService(tenant, service, locale)]);
    return { tenantName: tenants.find((x) => x.id === tenant)?.name ?? tenant, definition };
  });
  useTitle([t.receipt, loaded.state === 'done' ? text(loaded.value.definition.title, locale) : undefined, loaded.state === 'done' ? loaded.value.tenantName : undefined], locale);
  if (loaded.state === 'failed') return <Problem locale={locale} status={loaded.status} />;
  if (loaded.state === 'loading') return <Loading locale={locale} />;
  const { definition, tenantName } = loaded.value;
  const receipt = lastReceipt.load(tenant, service);
  return (
    <div className="sf-main-column">
      {receipt ? (
        <ReceiptView service={definition} receipt={receipt} locale={locale} focusOnMount={navigated} />
      ) : (
        <>
          <PageHeading>{t.receipt}</PageHeading>
          <p>{t.receiptMissing}</p>
        </>
      )}
      <p>
        <Link href={hrefFor({ name: 'tenant', tenant }, locale)}>{t.backToServices(tenantName)}</Link>
      </p>
    </div>
  );
}
