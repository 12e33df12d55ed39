import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { localText } from '../staff-parts.tsx';
import { onStaffLinkClick, staffHref } from '../staff-router.ts';
import type { QueueOption } from './admin-api.ts';
import type { AdminView } from './admin-views.ts';
import { adminText } from './admin-text.ts';

/** The links between a tenant's staff views, the current one marked for screen readers. */
export function TenantNav({ tenant, current, locale, views }: { tenant: string; current: AdminView; locale: string; views: AdminView[] }) {
  const t = adminText(locale);
  const names = { services: t.navServices, inbox: t.navInbox, queues: t.navQueues, people: t.navPeople, keys: t.navKeys, audit: t.navAudit };
  if (views.length < 2) return null;
  return (
    <nav aria-label={t.nav} className="st-tenant-nav">
      <ul>
        {views.map((view) => (
          <li key={view}>
            <a href={staffHref({ name: view, tenant }, locale)} onClick={onStaffLinkClick} aria-current={view === current ? 'page' : undefined}>
              {names[view]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A group of checkboxes with a legend and a hint. */
export function CheckboxGroup({
  legend,
  hint,
  options,
  value,
  onChange,
}: {
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange(next: string[]): void;
}) {
  const id = useId();
  return (
    <fieldset className="sf-fieldset" aria-describedby={hint === undefined ? undefined : `${id}-hint`}>
      <legend className="sf-legend">{legend}</legend>
      {hint === undefined ? null : (
        <p className="sf-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="sf-choices">
        {options.map((option) => (
          <label key={option.value} className="sf-choice">
            <input
              type="checkbox"
              className="sf-choice-input"
              checked={value.includes(option.value)}
              onChange={(event) => onChange(event.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))}
            />
            <span className="sf-choice-label">{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The tenant's queues as checkbox options. */
export function queueOptions(queues: QueueOption[], locale: string): { value: string; label: string }[] {
  return queues.map((queue) => ({ value: queue.id, label: localText(queue.name, locale) }));
}

/** The names of the queues `ids`, comma-separated; an id the tenant no longer has is shown as it is. */
export function queueNames(queues: QueueOption[], locale: string, ids: string[]): string {
  const options = queueOptions(queues, locale);
  return ids.map((id) => options.find((option) => option.value === id)?.label ?? id).join(', ');
}

/**
 * A table row's action: the short verb on screen, the whole "verb whom" for assistive
 * technology (the row header shows whom, and a long username would not fit the cell).
 */
export function RowAction({ shown, label, onClick }: { shown: string; label: string; onClick(): void }) {
  return (
    <button type="button" className="sf-button sf-button--secondary st-small" onClick={onClick}>
      <span aria-hidden="true">{shown}</span>
      <span className="sf-visually-hidden">{label}</span>
    </button>
  );
}

/** A secret or one-time password shown once, in a box whose heading takes focus. */
export function ShownOnce({ heading, hint, value, onDone, doneLabel }: { heading: string; hint: string; value: string; onDone(): void; doneLabel: string }) {
  const id = useId();
  const ref = useRef<HTMLHeadingElement>(null);
  // Focus moves here so keyboard and screen-reader users meet the secret at once.
  useEffect(() => ref.current?.focus(), [value]);
  return (
    <section className="st-card st-once" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} tabIndex={-1} ref={ref}>
        {heading}
      </h2>
      <p>{hint}</p>
      <p>
        <code className="st-mono st-secret">{value}</code>
      </p>
      <button type="button" className="sf-button sf-button--secondary" onClick={onDone}>
        {doneLabel}
      </button>
    </section>
  );
}

/** A time shown in the page's language. */
export function Time({ iso, locale }: { iso: string; locale: string }): ReactNode {
  const date = new Date(iso);
  return <time dateTime={iso}>{Number.isNaN(date.getTime()) ? iso : date.toLocaleString(locale === 'en' ? 'en-GB' : 'sv-SE')}</time>;
}
