import '../inbox/inbox.css';
import './queues.css';
import { QueueSettingsPage } from './queue-settings-page.tsx';
import { QueuesPage } from './queues-page.tsx';

/** Which queue administration view: the list, or one queue. */
export type QueuesView = { name: 'queues' } | { name: 'queue-settings'; queue: string };

/** The tenant admin's queue administration (issue 7), its own chunk. */
export default function QueuesViews({ view, tenant, tenantName, locale }: { view: QueuesView; tenant: string; tenantName: string; locale: string }) {
  return view.name === 'queues' ? (
    <QueuesPage tenant={tenant} tenantName={tenantName} locale={locale} />
  ) : (
    <QueueSettingsPage key={view.queue} tenant={tenant} queue={view.queue} locale={locale} />
  );
}
