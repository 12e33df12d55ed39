import { useEffect, useRef } from 'react';
import { text } from '@samform/model';
import type { Receipt, ServiceDefinition } from '@samform/model';
import { rendererText } from './renderer-text.ts';

/** The receipt, as the model defines it (the server's 201 answer). */
export type { Receipt } from '@samform/model';

/** Props of {@link ReceiptView}. */
export interface ReceiptViewProps {
  service: ServiceDefinition;
  receipt: Receipt;
  locale: string;
  /** Move focus to the heading when shown after sending (not on a reload of the receipt page). */
  focusOnMount?: boolean;
}

/** The receipt: reference, time of receipt and what happens next; reachable again by its URL. */
export function ReceiptView({ service, receipt, locale, focusOnMount = false }: ReceiptViewProps) {
  const t = rendererText(locale);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const nextSteps = service.receipt ? text(service.receipt.nextSteps, locale) : t.receiptDefaultNext;
  return (
    <div className="sf-receipt">
      <div className="sf-panel">
        <p className="sf-caption sf-caption--panel">{text(service.title, locale)}</p>
        <h1 className="sf-panel-title" tabIndex={-1} ref={heading}>
          {t.receiptTitle}
        </h1>
        <p className="sf-panel-body">
          {t.receiptReference}
          <br />
          <strong className="sf-reference">{receipt.reference}</strong>
        </p>
      </div>
      <dl className="sf-receipt-facts">
        <div>
          <dt>{t.receiptReceived}</dt>
          <dd>
            <time dateTime={receipt.receivedAt}>{receivedTime(receipt.receivedAt, locale)}</time>
          </dd>
        </div>
      </dl>
      <p>{t.receiptKeep}</p>
      <h2>{t.receiptNext}</h2>
      {nextSteps.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </div>
  );
}

/** The time of receipt as Swedish time, whatever the reader's clock says. */
function receivedTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(date);
}
