import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { AdminServiceSummary } from './staff-api.ts';
import { staffApi } from './staff-api.ts';
import { ExportButton } from './export-button.tsx';
import { ImportService } from './import-service.tsx';
import { NewServiceForm } from './new-service-form.tsx';
import { Loading, localText, PageHeading, StaffLink, useStaffTitle } from './staff-parts.tsx';
import { navigate, staffHref } from './staff-router.ts';
import { staffText } from './staff-text.ts';
import { sharedText } from './shared/shared-text.ts';

/** The tenant's own e-services: state, open in the designer, export; a new one, or one imported from a file. */
export function ServicesPage({ tenant, tenantName, locale, canAdopt = false, nav }: { tenant: string; tenantName: string; locale: string; canAdopt?: boolean; nav?: ReactNode }) {
  const t = staffText(locale);
  const [services, setServices] = useState<AdminServiceSummary[] | undefined>();
  const [failed, setFailed] = useState(false);
  useStaffTitle([t.servicesOf(tenantName)], locale);

  const load = useCallback(() => {
    staffApi.services(tenant).then(
      (list) => {
        setServices(list);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [tenant]);
  useEffect(load, [load]);

  const open = (id: string) => navigate(staffHref({ name: 'designer', tenant, service: id }, locale));

  return (
    <div className="st-page">
      {nav}
      <PageHeading>{t.servicesOf(tenantName)}</PageHeading>
      <p className="sf-lead">{t.servicesIntro}</p>
      {canAdopt ? (
        <p>
          <StaffLink href={staffHref({ name: 'shared', tenant }, locale)}>{sharedText(locale).toShared}</StaffLink>
        </p>
      ) : null}
      <section aria-labelledby="st-list-heading">
        <h2 id="st-list-heading">{t.yourServices}</h2>
        {failed ? <p className="st-error-text">{t.loadFailed}</p> : null}
        {services === undefined && !failed ? <Loading locale={locale} /> : null}
        {services?.length === 0 ? <p>{t.noServicesYet}</p> : null}
        {services && services.length > 0 ? (
          <ul className="st-service-list">
            {services.map((service) => {
              const title = localText(service.title, locale);
              return (
                <li key={service.id} className="st-service">
                  <div className="st-service-main">
                    <StaffLink href={staffHref({ name: 'designer', tenant, service: service.id }, locale)} className="st-service-title">
                      {title}
                    </StaffLink>
                    <p className="st-service-meta">
                      <span className={`st-state st-state--${service.retired ? 'retired' : service.latestVersion ? 'published' : 'draft'}`}>
                        {service.retired ? t.stateRetired : service.latestVersion ? t.statePublished(service.latestVersion) : t.stateDraft}
                      </span>{' '}
                      <span className="st-id">{t.addressId}: {service.id}</span>
                    </p>
                  </div>
                  <div className="st-service-actions">
                    <ExportButton tenant={tenant} service={service.id} title={title} locale={locale} />
                  </div>
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>
      <div className="st-two">
        <NewServiceForm tenant={tenant} locale={locale} onCreated={open} />
        <ImportService tenant={tenant} locale={locale} onImported={open} />
      </div>
    </div>
  );
}
