import { text } from '@samform/model';
import { clientText } from '../client-text.ts';
import type { PageState } from '../page-state.ts';
import { PageHeading, useTitle } from '../page-parts.tsx';
import { CaseStatusView } from './case-status-view.tsx';

/** The status link's page: where the case is and what has happened; no login, the link is the key. */
export function StatusPage({ state }: { state: Extract<PageState, { page: 'status' }> }) {
  const { locale, tenant, service, status } = state;
  const t = clientText(locale);
  useTitle([t.caseTitle(status.reference), text(service.title, locale), tenant.name], locale);
  return (
    <div className="sf-main-column">
      <p className="sf-caption">
        {text(service.title, locale)}, {tenant.name}
      </p>
      <PageHeading>{t.caseTitle(status.reference)}</PageHeading>
      <CaseStatusView status={status} locale={locale} level={2} />
    </div>
  );
}
