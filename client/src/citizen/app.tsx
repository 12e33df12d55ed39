import { useEffect, useRef, useState } from 'react';
import type { ComponentType } from 'react';
import type { AnswerValidator } from '@samform/renderer';
import { clientText } from './client-text.ts';
import { onLinkClick, RenderedHrefContext, useLocation } from './navigation.ts';
import { Loading, NavigatedContext, Problem } from './page-parts.tsx';
import type { PageState } from './page-state.ts';
import { AccessibilityPage } from './pages/accessibility-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { ReceiptPage } from './pages/receipt-page.tsx';
import { StatusPage } from './pages/status-page.tsx';
import type { ServicePageProps } from './pages/service-page.tsx';
import { TenantPage } from './pages/tenant-page.tsx';
import { hrefFor, localeFromSearch, matchRoute, withLocale } from './router.ts';
import type { Route } from './router.ts';

/** Props of {@link App}. */
export interface AppProps {
  /** The server-rendered page's state; the browser renders other addresses itself. */
  initial: PageState;
  /** The form page (its own chunk in the browser: the list pages carry no form code). */
  servicePage?: ComponentType<ServicePageProps>;
  validator?: AnswerValidator;
}

/** The citizen site: header with skip link and language switch, the page, the footer. */
export function App({ initial, servicePage, validator }: AppProps) {
  return (
    <RenderedHrefContext.Provider value={initial.href}>
      <Site initial={initial} {...(servicePage ? { servicePage } : {})} {...(validator ? { validator } : {})} />
    </RenderedHrefContext.Provider>
  );
}

function Site({ initial, servicePage, validator }: AppProps) {
  const { pathname, search } = useLocation();
  const locale = localeFromSearch(search);
  const t = clientText(locale);
  const [navigated, setNavigated] = useState(false);
  const first = useRef(true);
  // The server's page stands while the address is its own (a form changes only its query).
  const rendered = new URL(initial.href, 'http://x');
  const atRendered = rendered.pathname === pathname && localeFromSearch(rendered.search) === locale;
  // Once left, the server's state is stale (a form's draft moved on): pages come fresh after that.
  const [left, setLeft] = useState(false);
  if (!atRendered && !left) setLeft(true);
  const isInitial = atRendered && !left;

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    if (first.current) first.current = false;
    else setNavigated(true);
  }, [pathname]);

  return (
    <NavigatedContext.Provider value={navigated}>
      <a className="sf-skip-link" href="#main">
        {t.skip}
      </a>
      <header className="sf-header">
        <div className="sf-header-inner">
          <a className="sf-logo" href={hrefFor({ name: 'home' }, locale)} onClick={onLinkClick}>
            {t.site}
          </a>
          <nav aria-label={t.language}>
            <ul className="sf-lang">
              {(['sv', 'en'] as const).map((to) => (
                <li key={to}>
                  {/* A plain link: the server renders the page (and a form's draft) in the other language. */}
                  <a href={withLocale(pathname, search, to)} lang={to} hrefLang={to} aria-current={locale === to ? 'true' : undefined}>
                    {to === 'sv' ? 'Svenska' : 'English'}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="sf-main" tabIndex={-1}>
        {isInitial ? (
          <InitialPage state={initial} {...(servicePage ? { servicePage } : {})} {...(validator ? { validator } : {})} />
        ) : (
          <RoutedPage route={matchRoute(pathname)} locale={locale} href={pathname + search} />
        )}
      </main>
      <footer className="sf-footer">
        <div className="sf-footer-inner">
          <p>{t.footerAbout}</p>
          <a href={hrefFor({ name: 'accessibility' }, locale)} onClick={onLinkClick}>
            {t.accessibility}
          </a>
        </div>
      </footer>
    </NavigatedContext.Provider>
  );
}

/** The page the server rendered, from its state. */
function InitialPage({ state, servicePage: ServicePage, validator }: { state: PageState; servicePage?: ComponentType<ServicePageProps>; validator?: AnswerValidator }) {
  switch (state.page) {
    case 'home':
      return <HomePage locale={state.locale} initial={state.tenants} />;
    case 'tenant':
      return <TenantPage key={state.tenant} tenant={state.tenant} locale={state.locale} initial={{ tenants: state.tenants, services: state.services }} />;
    case 'accessibility':
      return <AccessibilityPage locale={state.locale} />;
    case 'service':
      return ServicePage ? <ServicePage state={state} {...(validator ? { validator } : {})} /> : <Loading locale={state.locale} />;
    case 'receipt':
      return <ReceiptPage state={state} />;
    case 'status':
      return <StatusPage state={state} />;
    case 'problem':
      return (
        <Problem
          locale={state.locale}
          status={state.status}
          {...(state.reason ? { reason: state.reason } : {})}
          {...(state.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: state.retryAfterSeconds, back: state.href })}
        />
      );
  }
}

/** A page reached in the browser: the list pages load their data; form pages come from the server. */
function RoutedPage({ route, locale, href }: { route: Route; locale: string; href: string }) {
  const serverOnly = route.name === 'service' || route.name === 'review' || route.name === 'receipt' || route.name === 'status';
  useEffect(() => {
    // Drafts and receipts live on the server: load the page from there (when there is one).
    if (serverOnly && document.getElementById('sf-state')) window.location.replace(href);
  }, [serverOnly, href]);
  switch (route.name) {
    case 'home':
      return <HomePage locale={locale} />;
    case 'tenant':
      return <TenantPage key={route.tenant} tenant={route.tenant} locale={locale} />;
    case 'accessibility':
      return <AccessibilityPage locale={locale} />;
    case 'service':
    case 'review':
    case 'receipt':
    case 'status':
      return <Loading locale={locale} />;
    case 'not-found':
      return <Problem locale={locale} status={404} />;
  }
}
