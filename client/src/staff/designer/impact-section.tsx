import { useEffect, useId, useState } from 'react';
import { staffApi } from '../staff-api.ts';
import type { PublishImpact, TenantSummary } from '../staff-api.ts';
import { localText } from '../staff-parts.tsx';
import { sharedText } from '../shared/shared-text.ts';

/** Props of {@link ImpactSection}. */
export interface ImpactSectionProps {
  tenant: string;
  service: string;
  locale: string;
  tenants: TenantSummary[];
  /** Saves the draft now, so the impact is that of what is shown. */
  saveNow: () => Promise<void>;
  /** Changes when the draft was saved or published: the impact is asked for anew. */
  revision: string | undefined;
}

/**
 * For a collaboration's e-service, before publishing: which member municipalities follow and
 * would serve the draft at once, which would need review (their overrides no longer fit), and
 * which are pinned to a version; and how many residents have a draft in flight on the current version.
 */
export function ImpactSection({ tenant, service, locale, tenants, saveNow, revision }: ImpactSectionProps) {
  const t = sharedText(locale);
  const base = useId();
  const [impact, setImpact] = useState<PublishImpact | null | undefined>();
  const nameOf = (id: string): string => tenants.find((x) => x.id === id)?.name ?? id;
  useEffect(() => {
    let current = true;
    void saveNow()
      .catch(() => undefined)
      .then(() => staffApi.impact(tenant, service))
      .then(
        (answer) => current && setImpact(answer),
        () => current && setImpact(null),
      );
    return () => {
      current = false;
    };
    // saveNow changes with every edit; the revision says when to ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- revision holds it
  }, [tenant, service, revision]);
  return (
    <section aria-labelledby={`${base}-impact`}>
      <h2 id={`${base}-impact`}>{t.impactHeading}</h2>
      {impact === undefined ? <p>{t.impactLoading}</p> : null}
      {impact === null ? <p className="st-error-text">{t.impactFailed}</p> : null}
      {impact ? (
        <>
          <p>{t.impactFollow(impact.follow.length)}{impact.follow.length > 0 ? ` ${impact.follow.map(nameOf).join(', ')}.` : ''}</p>
          {impact.needsReview.length > 0 ? (
            <div className="st-problems st-problems--warning">
              <h3>{t.impactReview(impact.needsReview.length)}</h3>
              <ul>
                {impact.needsReview.map((r) => (
                  <li key={r.tenant}>
                    {nameOf(r.tenant)}: {r.problems.map((p) => localText(p.message, locale)).join(' ')}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>{t.impactReview(0)}</p>
          )}
          <p>{t.impactDrafts(impact.drafts.onCurrent, impact.drafts.currentVersion)}</p>
          <p>
            {t.impactPinned(impact.pinned.length)}
            {impact.pinned.length > 0 ? ` ${impact.pinned.map((p) => `${nameOf(p.tenant)} (${p.version})`).join(', ')}.` : ''}
          </p>
        </>
      ) : null}
    </section>
  );
}
