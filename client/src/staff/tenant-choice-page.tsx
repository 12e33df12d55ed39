import { PageHeading, StaffLink, useStaffTitle } from './staff-parts.tsx';
import { staffHref } from './staff-router.ts';
import { staffText } from './staff-text.ts';

/** For someone who designs for several organisations: which one now. */
export function TenantChoicePage({
  locale,
  tenants,
  tenantName,
  hrefOf = (tenant) => staffHref({ name: 'services', tenant }, locale),
  platformHref,
}: {
  locale: string;
  tenants: string[];
  tenantName: (id: string) => string;
  /** Where an organisation's link goes (its first view for this person). */
  hrefOf?: (tenant: string) => string;
  /** For a platform administrator: the platform page. */
  platformHref?: string;
}) {
  const t = staffText(locale);
  useStaffTitle([t.chooseTenant], locale);
  return (
    <div className="sf-main-column">
      <PageHeading>{t.chooseTenant}</PageHeading>
      {platformHref === undefined ? null : (
        <p>
          <StaffLink href={platformHref}>{t.platformLink}</StaffLink>
        </p>
      )}
      {tenants.length === 0 ? (
        <p>{t.noDesignRights}</p>
      ) : (
        <ul className="sf-service-list">
          {tenants.map((tenant) => (
            <li key={tenant}>
              <StaffLink href={hrefOf(tenant)}>{tenantName(tenant)}</StaffLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
