import { useEffect, useState } from 'react';
import { Loading, localText, PageHeading, StaffLink, useStaffTitle } from '../staff-parts.tsx';
import { staffHref } from '../staff-router.ts';
import { inboxApi } from './inbox-api.ts';
import type { InboxQueue } from './inbox-api.ts';
import { inboxText } from './inbox-text.ts';

/** The tenant's queues with their open, untaken and own cases. */
export function InboxPage({ tenant, tenantName, locale }: { tenant: string; tenantName: string; locale: string }) {
  const t = inboxText(locale);
  useStaffTitle([t.inboxOf(tenantName)], locale);
  const [queues, setQueues] = useState<InboxQueue[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    inboxApi.queues(tenant).then(setQueues, () => setFailed(true));
  }, [tenant]);
  return (
    <div className="in-page">
      <PageHeading>{t.inboxOf(tenantName)}</PageHeading>
      <p>{t.inboxIntro}</p>
      {failed ? <p className="st-error-text">{t.loadFailed}</p> : null}
      {queues === undefined && !failed ? <Loading locale={locale} /> : null}
      {queues?.length === 0 ? <p>{t.noQueues}</p> : null}
      {queues && queues.length > 0 ? (
        <table className="in-table">
          <caption className="sf-visually-hidden">{t.queues}</caption>
          <thead>
            <tr>
              <th scope="col">{t.queue}</th>
              <th scope="col" className="in-number">{t.open}</th>
              <th scope="col" className="in-number">{t.unassigned}</th>
              <th scope="col" className="in-number">{t.mine}</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((queue) => (
              <tr key={queue.id}>
                <th scope="row">
                  <StaffLink href={staffHref({ name: 'queue', tenant, queue: queue.id }, locale)}>{localText(queue.name, locale)}</StaffLink>
                </th>
                <td className="in-number">{queue.open}</td>
                <td className="in-number">{queue.unassigned}</td>
                <td className="in-number">{queue.mine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
