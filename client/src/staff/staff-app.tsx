import { lazy, Suspense, useEffect, useState } from 'react';
import { LoginPage } from './login-page.tsx';
import { ServicesPage } from './services-page.tsx';
import { staffApi } from './staff-api.ts';
import type { StaffUser, TenantSummary } from './staff-api.ts';
import { AnnounceContext, Loading, NavigatedContext, PageHeading, StaffLink, useLiveRegion, useStaffTitle } from './staff-parts.tsx';
import { localeOfSearch, matchStaffRoute, navigate, onStaffLinkClick, staffHref, useLocation } from './staff-router.ts';
import type { StaffRoute } from './staff-router.ts';
import { staffText } from './staff-text.ts';
import { designTenants } from './design-tenants.ts';
import { TenantChoicePage } from './tenant-choice-page.tsx';
import { SessionTimeout } from '../session/session-timeout.tsx';
import { TenantNav } from './admin/admin-parts.tsx';
import { adminViews } from './admin/admin-views.ts';

// The designer is the big part (with the renderer for its preview): loaded only when opened.
const DesignerPage = lazy(() => import('./designer/designer-page.tsx'));
// The shared e-services view previews with the renderer too.
const SharedServicesPage = lazy(() => import('./shared/shared-services-page.tsx'));
// The tenant administration views: for administrators and auditors only, so loaded when opened.
const PeoplePage = lazy(() => import('./admin/people-page.tsx'));
const KeysPage = lazy(() => import('./admin/keys-page.tsx'));
const AuditPage = lazy(() => import('./admin/audit-page.tsx'));
// The inbox (issue 7) lays answers out with the renderer too.
const InboxViews = lazy(() => import('./inbox/inbox-views.tsx'));
// Queue administration (issue 7): tenant admins only.
const QueuesViews = lazy(() => import('./queues/queues-views.tsx'));
// The platform administrators' page: a handful of people, so loaded when opened.
const PlatformPage = lazy(() => import('./platform/platform-page.tsx'));

/** The staff area: a header with language and sign-out, the current view, and one live region. */
export function StaffApp() {
  const location = useLocation();
  const locale = localeOfSearch(location.search);
  const route = matchStaffRoute(location.pathname);
  const t = staffText(locale);
  const live = useLiveRegion();
  const [user, setUser] = useState<StaffUser | null | undefined>(undefined);
  const [tenants, setTenants] = useState<TenantSummary[]>([]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    staffApi.me().then(
      (answer) => setUser(answer.user),
      () => setUser(null),
    );
  }, []);

  // Read again at each sign-in: a platform administrator may have added a tenant since.
  const reloadTenants = () => staffApi.tenants().then(setTenants, () => setTenants([]));
  useEffect(() => {
    void reloadTenants();
  }, [user?.username]);

  const logOut = async () => {
    try {
      await staffApi.logOut();
    } finally {
      setUser(null);
      navigate(staffHref({ name: 'home' }, locale));
      live.announce(t.loggedOut);
    }
  };

  const tenantName = (id: string): string => tenants.find((tenant) => tenant.id === id)?.name ?? id;
  const currentTenant = 'tenant' in route ? route.tenant : undefined;
  const switchTo = (to: 'sv' | 'en') => `${location.pathname}${to === 'en' ? '?lang=en' : ''}`;

  return (
    <AnnounceContext.Provider value={live.announce}>
      <NavigatedContext.Provider value={location.n > 0}>
        <a className="sf-skip-link" href="#main">
          {t.skip}
        </a>
        <header className="sf-header st-header">
          <div className="st-header-inner">
            <StaffLink href={staffHref({ name: 'home' }, locale)} className="sf-logo">
              {t.site}
            </StaffLink>
            <nav aria-label={t.language} className="st-header-nav">
              <ul className="sf-lang">
                {(['sv', 'en'] as const).map((to) => (
                  <li key={to}>
                    <a href={switchTo(to)} onClick={onStaffLinkClick} lang={to} hrefLang={to} aria-current={locale === to ? 'true' : undefined}>
                      {to === 'sv' ? 'Svenska' : 'English'}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {user ? (
              <div className="st-user">
                <span>
                  {user.displayName}
                  {currentTenant && !user.displayName.includes(tenantName(currentTenant)) ? `, ${tenantName(currentTenant)}` : ''}
                </span>
                <button type="button" className="st-header-button" onClick={() => void logOut()}>
                  {t.logOut}
                </button>
              </div>
            ) : null}
          </div>
        </header>
        <main id="main" className="st-main" tabIndex={-1}>
          {user === undefined ? (
            <Loading locale={locale} />
          ) : user === null ? (
            <LoginPage locale={locale} onLoggedIn={(signedIn) => setUser(signedIn)} />
          ) : (
            <RoutedView route={route} user={user} locale={locale} tenantName={tenantName} tenants={tenants} onTenantsChanged={() => void reloadTenants()} />
          )}
        </main>
        <div className="sf-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {live.message}
        </div>
        {user ? (
          <SessionTimeout
            status={staffSessionEnd}
            extend={extendStaffSession}
            text={t.session}
            announce={live.announce}
            onEndedAction={() => {
              setUser(null);
              (document.getElementById('main') as HTMLElement | null)?.focus();
            }}
          />
        ) : null}
      </NavigatedContext.Provider>
    </AnnounceContext.Provider>
  );
}

// Stable functions, so the time-out's polling is not restarted by every render.
const staffSessionEnd = async (): Promise<string | null> => (await staffApi.session()).expiresAt;
const extendStaffSession = async (): Promise<string | null> => (await staffApi.extendSession()).expiresAt;

function RoutedView({
  route,
  user,
  locale,
  tenantName,
  tenants,
  onTenantsChanged,
}: {
  route: StaffRoute;
  user: StaffUser;
  locale: 'sv' | 'en';
  tenantName: (id: string) => string;
  tenants: TenantSummary[];
  onTenantsChanged(): void;
}) {
  const own = designTenants(user);
  // Every tenant where the person has a view: e-services, the inbox, the administration, the log.
  const reachable = Object.keys(user.tenantRoles).filter((tenant) => adminViews(user, tenant).length > 0);
  const only = reachable.length === 1 ? reachable[0] : undefined;
  const startOf = (tenant: string): StaffRoute => ({ name: adminViews(user, tenant)[0] ?? 'services', tenant });
  // Only a municipality's administrators adopt shared e-services.
  const canAdopt = (tenant: string): boolean => (user.tenantRoles[tenant] ?? []).includes('admin') && tenants.find((x) => x.id === tenant)?.kind === 'municipality';
  useEffect(() => {
    // One organisation: the start is its list. A platform administrator and nothing else: the platform page.
    if (route.name === 'home' && only !== undefined && !user.platformAdmin) navigate(staffHref(startOf(only), locale), { replace: true });
    if (route.name === 'home' && reachable.length === 0 && user.platformAdmin) navigate(staffHref({ name: 'platform' }, locale), { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- startOf is derived from `only`'s roles, which `only` stands for here
  }, [route.name, only, locale, user.platformAdmin, reachable.length]);

  switch (route.name) {
    case 'home':
      if (user.platformAdmin && reachable.length === 0) return <Loading locale={locale} />;
      return only !== undefined && !user.platformAdmin ? (
        <Loading locale={locale} />
      ) : (
        <TenantChoicePage
          locale={locale}
          tenants={reachable}
          tenantName={tenantName}
          hrefOf={(tenant) => staffHref(startOf(tenant), locale)}
          {...(user.platformAdmin ? { platformHref: staffHref({ name: 'platform' }, locale) } : {})}
        />
      );
    case 'platform':
      if (!user.platformAdmin) return <NotFound locale={locale} />;
      return (
        <Suspense fallback={<Loading locale={locale} />}>
          <PlatformPage locale={locale} onTenantsChanged={onTenantsChanged} />
        </Suspense>
      );
    case 'services':
      if (!own.includes(route.tenant)) return <NotFound locale={locale} />;
      return (
        <ServicesPage
          key={route.tenant}
          tenant={route.tenant}
          tenantName={tenantName(route.tenant)}
          locale={locale}
          canAdopt={canAdopt(route.tenant)}
          nav={<TenantNav tenant={route.tenant} current="services" locale={locale} views={adminViews(user, route.tenant)} />}
        />
      );
    case 'people':
    case 'keys':
    case 'audit': {
      const views = adminViews(user, route.tenant);
      if (!views.includes(route.name)) return <NotFound locale={locale} />;
      const props = { key: `${route.name}/${route.tenant}`, tenant: route.tenant, tenantName: tenantName(route.tenant), locale, views };
      return (
        <Suspense fallback={<Loading locale={locale} />}>
          {route.name === 'people' ? <PeoplePage {...props} me={user.id} /> : route.name === 'keys' ? <KeysPage {...props} /> : <AuditPage {...props} />}
        </Suspense>
      );
    }
    case 'shared':
      if (!canAdopt(route.tenant)) return <NotFound locale={locale} />;
      return (
        <Suspense fallback={<Loading locale={locale} />}>
          <SharedServicesPage key={route.tenant} tenant={route.tenant} tenantName={tenantName(route.tenant)} locale={locale} tenants={tenants} />
        </Suspense>
      );
    case 'designer':
      if (!own.includes(route.tenant)) return <NotFound locale={locale} />;
      return (
        <Suspense fallback={<Loading locale={locale} />}>
          <DesignerPage key={`${route.tenant}/${route.service}`} tenant={route.tenant} tenantName={tenantName(route.tenant)} service={route.service} locale={locale} tenants={tenants} />
        </Suspense>
      );
    case 'inbox':
    case 'queue':
    case 'case':
      if (!adminViews(user, route.tenant).includes('inbox')) return <NotFound locale={locale} />;
      return (
        <>
          <TenantNav tenant={route.tenant} current="inbox" locale={locale} views={adminViews(user, route.tenant)} />
          <Suspense fallback={<Loading locale={locale} />}>
            <InboxViews
              view={route.name === 'inbox' ? { name: 'inbox' } : route.name === 'queue' ? { name: 'queue', queue: route.queue } : { name: 'case', caseId: route.caseId }}
              tenant={route.tenant}
              tenantName={tenantName(route.tenant)}
              locale={locale}
            />
          </Suspense>
        </>
      );
    case 'queues':
    case 'queue-settings':
      if (!adminViews(user, route.tenant).includes('queues')) return <NotFound locale={locale} />;
      return (
        <>
          <TenantNav tenant={route.tenant} current="queues" locale={locale} views={adminViews(user, route.tenant)} />
          <Suspense fallback={<Loading locale={locale} />}>
            <QueuesViews
              view={route.name === 'queues' ? { name: 'queues' } : { name: 'queue-settings', queue: route.queue }}
              tenant={route.tenant}
              tenantName={tenantName(route.tenant)}
              locale={locale}
            />
          </Suspense>
        </>
      );
    case 'not-found':
      return <NotFound locale={locale} />;
  }
}

function NotFound({ locale }: { locale: string }) {
  const t = staffText(locale);
  useStaffTitle([t.notFound], locale);
  return (
    <>
      <PageHeading>{t.notFound}</PageHeading>
      <p>{t.notFoundBody}</p>
      <p>
        <StaffLink href={staffHref({ name: 'home' }, locale)}>{t.toStart}</StaffLink>
      </p>
    </>
  );
}
