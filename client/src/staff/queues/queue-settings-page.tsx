import { useEffect, useState } from 'react';
import type { LocalText } from '@samform/model';
import { Loading, localText, PageHeading, StaffLink, useStaffTitle } from '../staff-parts.tsx';
import { staffHref } from '../staff-router.ts';
import { DeadLetters } from './dead-letters.tsx';
import { QueueSettingsForm } from './queue-settings-form.tsx';
import { itemServiceKey, queuesApi } from './queues-api.ts';
import type { QueueSettings } from './queues-api.ts';
import { queuesText } from './queues-text.ts';

/** One queue for its tenant admin: its name and delivery, and the cases that did not get through. */
export function QueueSettingsPage({ tenant, queue, locale }: { tenant: string; queue: string; locale: string }) {
  const t = queuesText(locale);
  const [settings, setSettings] = useState<QueueSettings | undefined>(undefined);
  const [titles, setTitles] = useState<Map<string, LocalText>>(new Map());
  const [failed, setFailed] = useState(false);
  const [problems, setProblems] = useState(0);
  const name = settings ? localText(settings.name, locale) : queue;
  useStaffTitle([problems > 0 ? `${t.errorPrefix}${t.settingsOf(name)}` : t.settingsOf(name)], locale);

  useEffect(() => {
    queuesApi.get(tenant, queue).then(setSettings, () => setFailed(true));
    queuesApi.services(tenant).then(
      (services) => setTitles(new Map(services.map((s) => [itemServiceKey(tenant, s), s.title]))),
      () => setTitles(new Map()),
    );
  }, [tenant, queue]);

  return (
    <div className="qu-page">
      <p>
        <StaffLink href={staffHref({ name: 'queues', tenant }, locale)} className="sf-back-link">
          {t.toQueues}
        </StaffLink>
      </p>
      <PageHeading>{t.settingsOf(name)}</PageHeading>
      {failed ? <p className="st-error-text">{t.loadFailed}</p> : null}
      {settings === undefined && !failed ? <Loading locale={locale} /> : null}
      {settings ? (
        <div className="qu-columns">
          <section aria-labelledby="qu-settings-heading">
            <h2 id="qu-settings-heading">{t.settingsHeading}</h2>
            <QueueSettingsForm key={JSON.stringify(settings)} tenant={tenant} queue={settings} t={t} onSaved={setSettings} onProblems={setProblems} />
          </section>
          <DeadLetters tenant={tenant} queue={queue} locale={locale} t={t} serviceTitle={(service) => titles.get(service)} onChanged={() => undefined} />
        </div>
      ) : null}
    </div>
  );
}
