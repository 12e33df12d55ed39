import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Loading, localText, PageHeading, StaffLink, useAnnounce, useStaffTitle } from '../staff-parts.tsx';
import { staffHref } from '../staff-router.ts';
import { inboxApi, PAGE_SIZE } from './inbox-api.ts';
import type { CaseFilter, CaseListItem, InboxQueue } from './inbox-api.ts';
import { inboxText, staffTime } from './inbox-text.ts';

/** A queue's cases, oldest first, filtered by open/closed and case worker, a page at a time. */
export function QueuePage({ tenant, queue, locale }: { tenant: string; queue: string; locale: string }) {
  const t = inboxText(locale);
  const announce = useAnnounce();
  const id = useId();
  const [queues, setQueues] = useState<InboxQueue[]>([]);
  const [filter, setFilter] = useState<CaseFilter>({ open: 'true', page: 1 });
  const [draft, setDraft] = useState<CaseFilter>({ open: 'true', page: 1 });
  const [list, setList] = useState<{ total: number; cases: CaseListItem[] } | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const name = localText(queues.find((q) => q.id === queue)?.name, locale) || queue;
  useStaffTitle([t.casesIn(name)], locale);

  useEffect(() => {
    inboxApi.queues(tenant).then(setQueues, () => undefined);
  }, [tenant]);
  useEffect(() => {
    let current = true;
    inboxApi.cases(tenant, queue, filter).then(
      (answer) => {
        if (!current) return;
        setList(answer);
        setFailed(false);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [tenant, queue, filter]);
  useEffect(() => {
    if (list) announce(t.caseCount(list.total));
  }, [list, announce, t]);

  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1;
  const show = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...draft, page: 1 });
  };
  return (
    <div className="in-page">
      <p>
        <StaffLink href={staffHref({ name: 'inbox', tenant }, locale)}>{t.toInbox}</StaffLink>
      </p>
      <PageHeading>{t.casesIn(name)}</PageHeading>
      <form className="in-filter" onSubmit={show}>
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${id}-open`}>
            {t.filterState}
          </label>
          <select id={`${id}-open`} className="sf-select" value={draft.open ?? ''} onChange={(e) => setDraft({ ...draft, open: e.target.value === '' ? undefined : (e.target.value as 'true' | 'false') })}>
            <option value="true">{t.filterOpen}</option>
            <option value="false">{t.filterClosed}</option>
            <option value="">{t.filterAll}</option>
          </select>
        </div>
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${id}-assignee`}>
            {t.filterAssignee}
          </label>
          <select
            id={`${id}-assignee`}
            className="sf-select"
            value={draft.assignee ?? ''}
            onChange={(e) => setDraft({ ...draft, assignee: e.target.value === '' ? undefined : (e.target.value as 'me' | 'none') })}
          >
            <option value="">{t.filterAnyone}</option>
            <option value="me">{t.filterMine}</option>
            <option value="none">{t.filterNobody}</option>
          </select>
        </div>
        <button type="submit" className="sf-button sf-button--secondary">
          {t.show}
        </button>
      </form>
      {failed ? <p className="st-error-text">{t.loadFailed}</p> : null}
      {list === undefined && !failed ? <Loading locale={locale} /> : null}
      {list ? <p>{t.caseCount(list.total)}</p> : null}
      {list?.cases.length === 0 ? <p>{t.noCases}</p> : null}
      {list && list.cases.length > 0 ? (
        <table className="in-table">
          <caption className="sf-visually-hidden">{t.casesIn(name)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.reference}</th>
              <th scope="col">{t.service}</th>
              <th scope="col">{t.received}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.assignee}</th>
            </tr>
          </thead>
          <tbody>
            {list.cases.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <StaffLink href={staffHref({ name: 'case', tenant, caseId: item.id }, locale)}>{item.reference}</StaffLink>
                </th>
                <td>{localText(item.service.title, locale)}</td>
                <td>
                  <time dateTime={item.receivedAt}>{staffTime(item.receivedAt, locale)}</time>
                </td>
                <td>{localText(item.status.title, locale)}</td>
                <td>{item.assignee?.name ?? t.nobody}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pages > 1 ? (
        <nav aria-label={t.pages} className="in-pager">
          <button type="button" className="sf-button sf-button--secondary" disabled={filter.page <= 1} onClick={() => setFilter({ ...filter, page: filter.page - 1 })}>
            {t.previous}
          </button>
          <span>{t.pageOf(filter.page, pages)}</span>
          <button type="button" className="sf-button sf-button--secondary" disabled={filter.page >= pages} onClick={() => setFilter({ ...filter, page: filter.page + 1 })}>
            {t.next}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
