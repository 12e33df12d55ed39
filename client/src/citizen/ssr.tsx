/**
 * What the server renders citizen pages with: the very components that hydrate in the browser.
 * Only the server imports this module (it names react-dom/server).
 */
import { renderToString } from 'react-dom/server';
import { formPageTitle, pageTitle } from '@samform/renderer';
import { text } from '@samform/model';
import { App } from './app.tsx';
import { clientText } from './client-text.ts';
import type { PageState } from './page-state.ts';
import { ServicePage } from './pages/service-page.tsx';

export type { EIdState, FormState, PageState, ProblemReason, ServicePageState } from './page-state.ts';
export type { ServiceSummary, TenantSummary } from './api.ts';
export { hrefFor, matchRoute } from './router.ts';
export { formLinks } from './pages/service-page.tsx';
export { errorsOfStep, stepsOf, topLevelField } from '@samform/renderer';

/** A page's markup for inside `#root`, rendered from its state as the browser will hydrate it (no validator needed: ADR 0018). */
export function renderPage(state: PageState): string {
  return renderToString(<App initial={state} servicePage={ServicePage} />);
}

/** The document title of a page, the one its components set in the browser. */
export function titleOf(state: PageState): string {
  const t = clientText(state.locale);
  const site = t.site;
  switch (state.page) {
    case 'home':
      return pageTitle([t.chooseMunicipality, site], { locale: state.locale });
    case 'tenant':
      return pageTitle([t.services, state.tenants.find((x) => x.id === state.tenant)?.name, site], { locale: state.locale });
    case 'accessibility':
      return pageTitle([t.accessibility, site], { locale: state.locale });
    case 'service':
      return formPageTitle(state.service, state.form.page, {
        locale: state.locale,
        hasErrors: state.form.errors.length > 0,
        titleParts: [state.tenant.name, site],
      });
    case 'receipt':
      return pageTitle([t.receipt, text(state.service.title, state.locale), state.tenant.name, site], { locale: state.locale });
    case 'status':
      return pageTitle([t.caseTitle(state.status.reference), text(state.service.title, state.locale), state.tenant.name, site], { locale: state.locale });
    case 'problem':
      return pageTitle(
        [state.reason === 'login-failed' ? t.loginFailed : state.reason === 'bad-return' ? t.badReturn : state.status === 404 ? t.notFound : state.status === 429 ? t.tooMany : t.error, site],
        { locale: state.locale },
      );
  }
}
