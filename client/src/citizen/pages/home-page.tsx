import { fetchTenants } from '../api.ts';
import type { TenantSummary } from '../api.ts';
import { clientText } from '../client-text.ts';
import { Link, Loading, PageHeading, Problem, useTitle } from '../page-parts.tsx';
import { hrefFor } from '../router.ts';
import { useLoad } from '../use-load.ts';

/** Municipalities grouped under the collaborations they belong to. */
export function groupByCollaboration(tenants: TenantSummary[], otherTitle: string): { title: string; municipalities: TenantSummary[] }[] {
  const municipalities = tenants.filter((t) => t.kind === 'municipality').sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const groups = tenants
    .filter((t) => t.kind === 'collaboration')
    .map((c) => ({ title: c.name, municipalities: municipalities.filter((m) => m.memberOf.includes(c.id)) }))
    .filter((g) => g.municipalities.length > 0);
  const alone = municipalities.filter((m) => m.memberOf.length === 0);
  return alone.length > 0 ? [...groups, { title: otherTitle, municipalities: alone }] : groups;
}

/** "Välj din kommun": every municipality, by region, as links. */
export function HomePage({ locale, initial }: { locale: string; initial?: TenantSummary[] }) {
  const t = clientText(locale);
  const tenants = useLoad(`tenants:${locale}`, () => fetchTenants(locale), initial);
  useTitle([t.chooseMunicipality], locale);
  if (tenants.state === 'failed') return <Problem locale={locale} status={tenants.status} />;
  return (
    <div className="sf-main-column">
      <PageHeading>{t.chooseMunicipality}</PageHeading>
      <p className="sf-lead">{t.chooseIntro}</p>
      {tenants.state === 'loading' ? (
        <Loading locale={locale} />
      ) : (
        groupByCollaboration(tenants.value, t.otherMunicipalities).map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h2>{group.title}</h2>
            <ul className="sf-columns">
              {group.municipalities.map((m) => (
                <li key={m.id}>
                  <Link href={hrefFor({ name: 'tenant', tenant: m.id }, locale)}>{m.name}</Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
