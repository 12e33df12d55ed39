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
import { caseTenants } from './inbox/case-tenants.ts';
import { inboxText } from './inbox/inbox-text.ts';
import { adminTenants } from './queues/admin-tenants.ts';
import { queuesText } from './queues/queues-text.ts';

// The designer is the big part (the renderer for its preview, rjsf): loaded only when opened.
const DesignerPage = lazy(() => import('./designer/designer-page.tsx'));
// The shared e-services view previews with the renderer too.
const SharedServicesPage = lazy(() => import('./shared/shared-services-page.tsx'));
// The inbox (issue 7) lays answers out with the renderer too.
const InboxViews = lazy(() => import('./inbox/inbox-views.tsx'));
// Queue administration (issue 7): tenant admins only.
const QueuesViews = lazy(() => import('./queues/queues-views.tsx'));

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
    staffApi.tenants().then(setTenants, () => setTenants([]));
  }, []);

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
  const currentTenant = route.name === 'not-found' || route.name === 'home' ? undefined : route.tenant;
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
            <RoutedView route={route} user={user} locale={locale} tenantName={tenantName} tenants={tenants} />
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
}: {
  route: StaffRoute;
  user: StaffUser;
  locale: 'sv' | 'en';
  tenantName: (id: string) => string;
  tenants: TenantSummary[];
}) {
  const own = designTenants(user);
  const cases = caseTenants(user.tenantRoles);
  const admins = adminTenants(user.tenantRoles);
  const nav = (tenant: string, current: TenantSection) => (
    <TenantNav tenant={tenant} locale={locale} designs={own.includes(tenant)} works={cases.includes(tenant)} administers={admins.includes(tenant)} current={current} />
  );
  // One organisation: the start is its e-services, or its inbox for a case worker who designs nothing.
  const only = own.length === 1 ? own[0] : undefined;
  const onlyInbox = own.length === 0 && cases.length === 1 ? cases[0] : undefined;
  // Only a municipality's administrators adopt shared e-services.
  const canAdopt = (tenant: string): boolean => (user.tenantRoles[tenant] ?? []).includes('admin') && tenants.find((x) => x.id === tenant)?.kind === 'municipality';
  useEffect(() => {
    // One organisation: the start is its list.
    if (route.name === 'home' && only !== undefined) navigate(staffHref({ name: 'services', tenant: only }, locale), { replace: true });
    else if (route.name === 'home' && onlyInbox !== undefined) navigate(staffHref({ name: 'inbox', tenant: onlyInbox }, locale), { replace: true });
  }, [route.name, only, onlyInbox, locale]);

  switch (route.name) {
    case 'home':
      return only !== undefined || onlyInbox !== undefined ? <Loading locale={locale} /> : <TenantChoicePage locale={locale} tenants={own} tenantName={tenantName} />;
    case 'services':
      if (!own.includes(route.tenant)) return <NotFound locale={locale} />;
      return (
        <>
          {nav(route.tenant, 'services')}
          <ServicesPage key={route.tenant} tenant={route.tenant} tenantName={tenantName(route.tenant)} locale={locale} canAdopt={canAdopt(route.tenant)} />
        </>
      );
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
      if (!cases.includes(route.tenant)) return <NotFound locale={locale} />;
      return (
        <>
          {nav(route.tenant, 'inbox')}
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
      if (!admins.includes(route.tenant)) return <NotFound locale={locale} />;
      return (
        <>
          {nav(route.tenant, 'queues')}
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

type TenantSection = 'services' | 'inbox' | 'queues';

/** Between a tenant's e-services, its inbox and its queues, for someone who may use more than one. */
function TenantNav({
  tenant,
  locale,
  designs,
  works,
  administers,
  current,
}: {
  tenant: string;
  locale: string;
  designs: boolean;
  works: boolean;
  administers: boolean;
  current: TenantSection;
}) {
  const t = inboxText(locale);
  const sections: { name: TenantSection; label: string; show: boolean }[] = [
    { name: 'services', label: t.eServices, show: designs },
    { name: 'inbox', label: t.inbox, show: works },
    { name: 'queues', label: queuesText(locale).queues, show: administers },
  ];
  const shown = sections.filter((s) => s.show);
  if (shown.length < 2) return null;
  return (
    <nav aria-label={t.sections} className="st-tenant-nav">
      <ul>
        {shown.map((section) => (
          <li key={section.name}>
            <StaffLink href={staffHref({ name: section.name, tenant }, locale)} {...(current === section.name ? { current: true } : {})}>
              {section.label}
            </StaffLink>
          </li>
        ))}
      </ul>
    </nav>
  );
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
