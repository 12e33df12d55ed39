import { text } from '@samform/model';
import type { CitizenCaseStatus } from '@samform/model';
import { clientText } from '../client-text.ts';

/** A time as Swedish time, whatever the reader's clock says. */
function when(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(date);
}

/** Props of {@link CaseStatusView}. */
export interface CaseStatusViewProps {
  status: CitizenCaseStatus;
  locale: 'sv' | 'en';
  /** The level of its headings: 2 under a page's h1. */
  level: 2 | 3;
  /** Link to the status page (on the receipt). */
  statusHref?: string;
}

/** Where the case is on its journey and what has happened, as the citizen may see it (never internal notes). */
export function CaseStatusView({ status, locale, level, statusHref }: CaseStatusViewProps) {
  const t = clientText(locale);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="sf-case-status">
      <Heading>{t.caseNow}</Heading>
      <p className="sf-case-now">
        <strong>{text(status.current.title, locale)}</strong>
        {status.current.final ? <span> {t.caseClosed}</span> : null}
      </p>
      {statusHref ? (
        <>
          <p>
            <a href={statusHref}>{t.statusLink}</a>
          </p>
          <p className="sf-hint">{t.statusLinkHint}</p>
        </>
      ) : null}
      <Heading>{t.caseJourney}</Heading>
      <ol className="sf-journey">
        {status.stops.map((stop) => (
          <li key={stop.id} className={`sf-journey-stop sf-journey-stop--${stop.state}`} aria-current={stop.state === 'current' ? 'step' : undefined}>
            {text(stop.title, locale)}
            <span className="sf-visually-hidden">, {t.stopState[stop.state]}</span>
          </li>
        ))}
      </ol>
      <Heading>{t.caseHistory}</Heading>
      <ol className="sf-timeline">
        {[...status.history].reverse().map((event, i) => (
          <li key={i} className="sf-timeline-event">
            <time dateTime={event.at}>{when(event.at, locale)}</time>
            {event.kind === 'status' ? (
              <>
                <p className="sf-timeline-what">{i === status.history.length - 1 ? t.firstStop(text(event.title, locale)) : t.newStop(text(event.title, locale))}</p>
                {event.message ? <p className="sf-timeline-message">{event.message}</p> : null}
              </>
            ) : (
              <>
                <p className="sf-timeline-what">{t.messageFromMunicipality}</p>
                <p className="sf-timeline-message">{event.text}</p>
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
