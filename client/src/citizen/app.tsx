import { useEffect, useRef, useState } from 'react';
import { clientText } from './client-text.ts';
import { onLinkClick, useLocation } from './navigation.ts';
import { NavigatedContext, Problem } from './page-parts.tsx';
import { AccessibilityPage } from './pages/accessibility-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { ReceiptPage } from './pages/receipt-page.tsx';
import { ServicePage } from './pages/service-page.tsx';
import { TenantPage } from './pages/tenant-page.tsx';
import { hrefFor, localeFromSearch, matchRoute } from './router.ts';
import type { Route } from './router.ts';

/** The citizen site: header with skip link and language switch, the routed page, the footer. */
export function App() {
  const { pathname, search } = useLocation();
  const locale = localeFromSearch(search);
  const route = matchRoute(pathname);
  const t = clientText(locale);
  const [navigated, setNavigated] = useState(false);
  const first = useRef(true);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    if (first.current) first.current = false;
    else setNavigated(true);
  }, [pathname]);

  const here = (to: string) => (to === 'sv' ? pathname : `${pathname}?lang=${to}`);
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
              <li>
                <a href={here('sv')} onClick={onLinkClick} lang="sv" hrefLang="sv" aria-current={locale === 'sv' ? 'true' : undefined}>
                  Svenska
                </a>
              </li>
              <li>
                <a href={here('en')} onClick={onLinkClick} lang="en" hrefLang="en" aria-current={locale === 'en' ? 'true' : undefined}>
                  English
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="sf-main" tabIndex={-1}>
        <Page route={route} locale={locale} />
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

function Page({ route, locale }: { route: Route; locale: string }) {
  switch (route.name) {
    case 'home':
      return <HomePage locale={locale} />;
    case 'tenant':
      return <TenantPage key={route.tenant} tenant={route.tenant} locale={locale} />;
    case 'service':
      return <ServicePage key={`${route.tenant}/${route.service}`} tenant={route.tenant} service={route.service} locale={locale} />;
    case 'receipt':
      return <ReceiptPage tenant={route.tenant} service={route.service} locale={locale} />;
    case 'accessibility':
      return <AccessibilityPage locale={locale} />;
    case 'not-found':
      return <Problem locale={locale} status={404} />;
  }
}
