import { text } from '@samform/model';
import { fetchServices, fetchTenants } from '../api.ts';
import type { ServiceSummary, TenantSummary } from '../api.ts';
import { clientText } from '../client-text.ts';
import { Link, Loading, PageHeading, Problem, useTitle } from '../page-parts.tsx';
import { hrefFor } from '../router.ts';
import { useLoad } from '../use-load.ts';

/** A municipality's e-services grouped by category, shared ones marked with their owner. */
export function TenantPage({ tenant, locale, initial }: { tenant: string; locale: string; initial?: { tenants: TenantSummary[]; services: ServiceSummary[] } }) {
  const t = clientText(locale);
  const loaded = useLoad(
    `services:${tenant}:${locale}`,
    async () => {
      const [tenants, services] = await Promise.all([fetchTenants(locale), fetchServices(tenant, locale)]);
      return { tenants, services };
    },
    initial,
  );
  const names = loaded.state === 'done' ? new Map(loaded.value.tenants.map((x) => [x.id, x.name])) : new Map<string, string>();
  const name = names.get(tenant);
  useTitle([t.services, name], locale);
  if (loaded.state === 'failed') return <Problem locale={locale} status={loaded.status} />;
  if (loaded.state === 'loading') return <Loading locale={locale} />;
  if (!name) return <Problem locale={locale} status={404} />;
  const groups = byCategory(loaded.value.services, locale);
  return (
    <div className="sf-main-column">
      <PageHeading>{t.servicesIn(name)}</PageHeading>
      {groups.length === 0 ? <p>{t.noServices}</p> : null}
      {groups.map(([category, services]) => (
        <section key={category} aria-labelledby={`category-${category}`}>
          <h2 id={`category-${category}`}>{t.categories[category] ?? t.categories.other}</h2>
          <ul className="sf-service-list">
            {services.map((service) => (
              <li key={service.id}>
                {/* A plain link: the form page is rendered by the server, which holds the draft. */}
                <a href={hrefFor({ name: 'service', tenant, service: service.id }, locale)}>{text(service.title, locale)}</a>
                {service.description ? <p>{text(service.description, locale)}</p> : null}
                {service.shared ? <span className="sf-tag">{t.shared(names.get(service.owner) ?? service.owner)}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function byCategory(services: ServiceSummary[], locale: string): [string, ServiceSummary[]][] {
  const groups = new Map<string, ServiceSummary[]>();
  const sorted = [...services].sort((a, b) => text(a.title, locale).localeCompare(text(b.title, locale), locale));
  for (const service of sorted) {
    const category = service.category ?? 'other';
    groups.set(category, [...(groups.get(category) ?? []), service]);
  }
  // Known categories in a fixed order, the rest last.
  const order = ['ideer', 'va', 'avfall', 'gata'];
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}
