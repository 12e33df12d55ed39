import './inbox.css';
import { CasePage } from './case-page.tsx';
import { InboxPage } from './inbox-page.tsx';
import { QueuePage } from './queue-page.tsx';

/** Which inbox view: the queues, one queue's cases, or one case. */
export type InboxView = { name: 'inbox' } | { name: 'queue'; queue: string } | { name: 'case'; caseId: string };

/** The case workers' inbox (its own chunk: the case page lays answers out with the renderer). */
export default function InboxViews({ view, tenant, tenantName, locale }: { view: InboxView; tenant: string; tenantName: string; locale: string }) {
  switch (view.name) {
    case 'inbox':
      return <InboxPage tenant={tenant} tenantName={tenantName} locale={locale} />;
    case 'queue':
      return <QueuePage key={view.queue} tenant={tenant} queue={view.queue} locale={locale} />;
    case 'case':
      return <CasePage key={view.caseId} tenant={tenant} caseId={view.caseId} locale={locale} />;
  }
}

