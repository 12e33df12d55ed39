import { useContext } from 'react';
import { ServiceForm } from '@samform/renderer';
import { fetchService, fetchTenants, submitAnswers } from '../api.ts';
import { clientText } from '../client-text.ts';
import { navigate } from '../navigation.ts';
import { Loading, NavigatedContext, Problem, useTitle } from '../page-parts.tsx';
import { hrefFor } from '../router.ts';
import { clearIdempotencyKey, draftAnswers, idempotencyKey, lastReceipt } from '../session-store.ts';
import { useStandaloneValidator } from '../standalone-validator.ts';
import { useLoad } from '../use-load.ts';

/** An e-service's form; answers are kept in the tab until sent, then the receipt page shows. */
export function ServicePage({ tenant, service, locale }: { tenant: string; service: string; locale: string }) {
  const navigated = useContext(NavigatedContext);
  const loaded = useLoad(`service:${tenant}:${service}`, async () => {
    const [tenants, definition] = await Promise.all([fetchTenants(locale), fetchService(tenant, service, locale)]);
    return { tenantName: tenants.find((x) => x.id === tenant)?.name ?? tenant, definition };
  });
  // The form shows at once; Continue checks the answers in the page as soon as the module is in.
  const validator = useStandaloneValidator(tenant, service, loaded.state === 'done' ? loaded.value.definition.version : undefined);
  // Once the form shows, it titles the page itself (step, errors).
  useTitle(loaded.state === 'failed' ? [] : [clientText(locale).loading], locale, loaded.state === 'loading');
  if (loaded.state === 'failed') return <Problem locale={locale} status={loaded.status} />;
  if (loaded.state === 'loading') return <Loading locale={locale} />;
  const { definition, tenantName } = loaded.value;
  return (
    <div className="sf-main-column">
      <ServiceForm
        service={definition}
        locale={locale}
        {...(validator ? { validator } : {})}
        initialData={draftAnswers.load(tenant, service) ?? {}}
        onDataChange={(data) => draftAnswers.save(tenant, service, data)}
        onSubmit={(data) => submitAnswers(tenant, service, data, locale, idempotencyKey(tenant, service, data))}
        onSent={(receipt) => {
          lastReceipt.save(tenant, service, receipt);
          draftAnswers.clear(tenant, service);
          clearIdempotencyKey(tenant, service);
          navigate(hrefFor({ name: 'receipt', tenant, service }, locale));
        }}
        focusHeadingOnMount={navigated}
        titleParts={[tenantName, clientText(locale).site]}
      />
    </div>
  );
}
