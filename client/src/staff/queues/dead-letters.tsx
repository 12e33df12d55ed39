import { useEffect, useRef, useState } from 'react';
import { localText, useAnnounce } from '../staff-parts.tsx';
import { staffTime } from '../inbox/inbox-text.ts';
import { queuesApi } from './queues-api.ts';
import type { DeadItem } from './queues-api.ts';
import type { QueuesText } from './queues-text.ts';
import type { LocalText } from '@samform/model';

type Asking = { kind: 'one'; item: DeadItem } | { kind: 'all' };

/**
 * A queue's dead letters with "send again" per case and for all, each asked once more before it
 * is done; the outcome is said in the live region and shown, and focus goes where the person
 * can go on (the section's heading once the button they used is gone).
 */
export function DeadLetters({
  tenant,
  queue,
  locale,
  t,
  serviceTitle,
  onChanged,
}: {
  tenant: string;
  queue: string;
  locale: string;
  t: QueuesText;
  serviceTitle: (service: string) => LocalText | undefined;
  onChanged: () => void;
}) {
  const announce = useAnnounce();
  const [items, setItems] = useState<DeadItem[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirm = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  const load = () => queuesApi.dead(tenant, queue).then(setItems, () => setFailed(true));
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load closes over tenant and queue only
  }, [tenant, queue]);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);

  const ask = (next: Asking, button: HTMLButtonElement) => {
    opener.current = button;
    setOutcome(null);
    setAsking(next);
  };
  const cancel = () => {
    setAsking(null);
    opener.current?.focus();
  };
  const run = async () => {
    if (asking === null || busy) return;
    setBusy(true);
    let said: { text: string; error: boolean };
    try {
      if (asking.kind === 'one') {
        await queuesApi.redrive(tenant, queue, asking.item.id);
        said = { text: t.redriven(asking.item.reference), error: false };
      } else {
        const { redriven } = await queuesApi.redriveAll(tenant, queue);
        said = { text: t.redrivenAll(redriven), error: false };
      }
    } catch {
      said = { text: t.redriveFailed, error: true };
    }
    setBusy(false);
    setAsking(null);
    setOutcome(said);
    announce(said.text);
    await load();
    onChanged();
    heading.current?.focus();
  };

  const confirmation = (
    <div className="st-confirm" role="group" aria-labelledby="qu-confirm-heading" tabIndex={-1} ref={confirm}>
      <h3 id="qu-confirm-heading">{asking?.kind === 'one' ? t.confirmOne(asking.item.reference) : t.confirmAll(items?.length ?? 0)}</h3>
      <p>{asking?.kind === 'one' ? t.confirmBody : t.confirmBodyAll}</p>
      <div className="st-confirm-actions">
        <button type="button" className="sf-button" aria-disabled={busy || undefined} onClick={() => void run()}>
          {t.confirmYes}
        </button>
        <button type="button" className="sf-button sf-button--secondary" onClick={cancel}>
          {t.cancel}
        </button>
      </div>
    </div>
  );

  return (
    <section aria-labelledby="qu-dead-heading" className="qu-dead-section">
      <h2 id="qu-dead-heading" tabIndex={-1} ref={heading}>
        {t.deadHeading}
      </h2>
      <p>{t.deadIntro}</p>
      {outcome ? <p className={outcome.error ? 'st-error-text' : 'sf-notice'}>{outcome.text}</p> : null}
      {failed ? <p className="st-error-text">{t.loadFailed}</p> : null}
      {items?.length === 0 ? <p>{t.noDead}</p> : null}
      {items && items.length > 0 ? (
        <>
          <div className="qu-scroll" role="region" aria-label={t.deadCaption} tabIndex={0}>
            <table className="in-table qu-table">
              <caption className="sf-visually-hidden">{t.deadCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.reference}</th>
                  <th scope="col">{t.service}</th>
                  <th scope="col">{t.received}</th>
                  <th scope="col" className="in-number">{t.attempts}</th>
                  <th scope="col">{t.lastError}</th>
                  <th scope="col">{t.actions}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">{item.reference}</th>
                    <td>{localText(serviceTitle(item.service), locale) || item.service}</td>
                    <td>
                      <time dateTime={item.receivedAt}>{staffTime(item.receivedAt, locale)}</time>
                    </td>
                    <td className="in-number">{item.attempts}</td>
                    <td className="qu-error">{item.lastError ?? ''}</td>
                    <td>
                      <button type="button" className="sf-button sf-button--secondary qu-row-button" onClick={(e) => ask({ kind: 'one', item }, e.currentTarget)}>
                        {t.redriveShort}
                        <span className="sf-visually-hidden"> {item.reference}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {asking ? confirmation : null}
          <p>
            <button type="button" className="sf-button" onClick={(e) => ask({ kind: 'all' }, e.currentTarget)}>
              {t.redriveAll}
            </button>
          </p>
        </>
      ) : null}
    </section>
  );
}
