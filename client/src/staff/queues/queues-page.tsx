import { useEffect, useState } from 'react';
import { Loading, localText, PageHeading, StaffLink, useStaffTitle } from '../staff-parts.tsx';
import { staffHref } from '../staff-router.ts';
import { queuesApi } from './queues-api.ts';
import type { DeliveryState, DeliveryView, QueueCounts } from './queues-api.ts';
import { queuesText } from './queues-text.ts';
import type { QueuesText } from './queues-text.ts';

const STATES: DeliveryState[] = ['pending', 'leased', 'acked', 'dead'];

/** How a queue delivers, in words. */
export function deliveryLabel(delivery: DeliveryView | undefined, t: QueuesText): string {
  if (delivery === undefined) return '';
  if (delivery.kind === 'webhook') return `${t.kindWebhook}: ${delivery.url}`;
  if (delivery.kind === 'email') return `${t.kindEmail}: ${delivery.to}`;
  return t.kindPull;
}

/** The tenant's queues with how each delivers and its cases per delivery state (tenant admins). */
export function QueuesPage({ tenant, tenantName, locale }: { tenant: string; tenantName: string; locale: string }) {
  const t = queuesText(locale);
  useStaffTitle([t.queuesOf(tenantName)], locale);
  const [queues, setQueues] = useState<QueueCounts[] | undefined>(undefined);
  const [deliveries, setDeliveries] = useState<Record<string, DeliveryView>>({});
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    queuesApi.list(tenant).then(
      (list) => {
        setQueues(list);
        // A municipality has a handful of queues: each one's delivery is one small request.
        void Promise.all(list.map((q) => queuesApi.get(tenant, q.id).then((s) => [q.id, s.delivery] as const))).then(
          (pairs) => setDeliveries(Object.fromEntries(pairs)),
          () => setFailed(true),
        );
      },
      () => setFailed(true),
    );
  }, [tenant]);
  const stateName: Record<DeliveryState, string> = { pending: t.pending, leased: t.leased, acked: t.acked, dead: t.dead };
  return (
    <div className="qu-page">
      <PageHeading>{t.queuesOf(tenantName)}</PageHeading>
      <p>{t.queuesIntro}</p>
      {failed ? <p className="st-error-text">{t.loadFailed}</p> : null}
      {queues === undefined && !failed ? <Loading locale={locale} /> : null}
      {queues?.length === 0 ? <p>{t.noQueues}</p> : null}
      {queues && queues.length > 0 ? (
        <div className="qu-scroll" role="region" aria-label={t.countsCaption} tabIndex={0}>
          <table className="in-table qu-table">
            <caption className="sf-visually-hidden">{t.countsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.queue}</th>
                <th scope="col">{t.delivery}</th>
                {STATES.map((state) => (
                  <th scope="col" className="in-number" key={state}>
                    {stateName[state]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {queues.map((queue) => (
                <tr key={queue.id}>
                  <th scope="row">
                    <StaffLink href={staffHref({ name: 'queue-settings', tenant, queue: queue.id }, locale)}>{localText(queue.name, locale)}</StaffLink>
                  </th>
                  <td className="qu-delivery">{deliveryLabel(deliveries[queue.id], t)}</td>
                  {STATES.map((state) => (
                    <td className={`in-number${state === 'dead' && queue.counts.dead > 0 ? ' qu-dead' : ''}`} key={state}>
                      {queue.counts[state]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
