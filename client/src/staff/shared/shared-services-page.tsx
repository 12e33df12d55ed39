import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, staffApi } from '../staff-api.ts';
import type { AdoptionView, CatalogueEntry, QueueSummary, TenantSummary } from '../staff-api.ts';
import { Loading, localText, PageHeading, StaffLink, useAnnounce, useStaffTitle } from '../staff-parts.tsx';
import { staffHref } from '../staff-router.ts';
import { staffText } from '../staff-text.ts';
import { AdoptionEditor } from './adoption-editor.tsx';
import { AdoptionPreview } from './adoption-preview.tsx';
import { sharedText } from './shared-text.ts';

/** Props of {@link SharedServicesPage}. */
export interface SharedServicesPageProps {
  tenant: string;
  tenantName: string;
  locale: string;
  tenants: TenantSummary[];
}

function stateText(adoption: AdoptionView | null, locale: string): { key: string; text: string } {
  const t = sharedText(locale);
  if (adoption === null) return { key: 'none', text: t.notAdopted };
  if (adoption.state === 'following') return { key: 'following', text: t.following(adoption.servedVersion) };
  if (adoption.state === 'pinned') return { key: 'pinned', text: t.pinned(adoption.track === 'latest' ? (adoption.servedVersion ?? 0) : adoption.track, adoption.latestVersion) };
  return { key: 'needs-review', text: t.needsReview(adoption.servedVersion) };
}

/**
 * A municipality's shared e-services: the catalogue of its collaborations' e-services with each
 * one's owner, latest version, the municipality's adoption and its state, and who else uses it;
 * adopt or change an adoption, and preview the effective e-service in the real renderer.
 */
export default function SharedServicesPage({ tenant, tenantName, locale, tenants }: SharedServicesPageProps) {
  const t = sharedText(locale);
  const st = staffText(locale);
  const [catalogue, setCatalogue] = useState<CatalogueEntry[] | undefined>();
  const [queues, setQueues] = useState<QueueSummary[]>([]);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<string | undefined>();
  const [previewing, setPreviewing] = useState(false);
  const [revision, setRevision] = useState('');
  const editorRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const [leaving, setLeaving] = useState<{ state: 'asking' | 'busy' | 'failed'; text?: string } | null>(null);
  const announce = useAnnounce();
  useStaffTitle([t.heading, tenantName], locale);
  const nameOf = (id: string): string => tenants.find((x) => x.id === id)?.name ?? id;

  const load = useCallback(() => {
    staffApi.catalogue(tenant).then(
      (list) => {
        setCatalogue(list);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [tenant]);
  useEffect(load, [load]);
  useEffect(() => {
    staffApi.queues(tenant).then(setQueues, () => setQueues([]));
  }, [tenant]);
  useEffect(() => {
    if (open !== undefined) editorRef.current?.focus();
    setLeaving(null);
  }, [open]);
  useEffect(() => {
    if (leaving?.state === 'asking') confirmRef.current?.focus();
  }, [leaving?.state]);

  const entry = catalogue?.find((e) => e.service === open);
  const leave = async () => {
    if (entry === undefined) return;
    const title = localText(entry.title, locale);
    setLeaving({ state: 'busy' });
    try {
      await staffApi.leaveAdoption(tenant, entry.service);
      setLeaving(null);
      setOpen(undefined);
      setPreviewing(false);
      announce(t.left(title));
      load();
    } catch (caught) {
      setLeaving({ state: 'failed', text: caught instanceof ApiError && caught.status === 409 ? t.leaveWaiting : t.leaveFailed });
    }
  };
  const onSaved = (saved: AdoptionView) => {
    setCatalogue((list) => list?.map((e) => (e.service === saved.service ? { ...e, adoption: saved } : e)));
    setRevision(saved.adoptedAt + Date.now());
    load();
  };

  return (
    <div className="st-page">
      <p className="st-breadcrumb">
        <StaffLink href={staffHref({ name: 'services', tenant }, locale)}>{st.backToServices(tenantName)}</StaffLink>
      </p>
      {/* The preview draws the e-service's own h1; the view keeps one. */}
      {previewing ? <p className="st-h1">{`${t.heading} – ${tenantName}`}</p> : <PageHeading>{`${t.heading} – ${tenantName}`}</PageHeading>}
      <p className="sf-lead">{t.intro(tenantName)}</p>
      <section aria-labelledby="st-catalogue-heading">
        <h2 id="st-catalogue-heading">{t.catalogueHeading}</h2>
        {failed ? <p className="st-error-text">{st.loadFailed}</p> : null}
        {catalogue === undefined && !failed ? <Loading locale={locale} /> : null}
        {catalogue?.length === 0 ? <p>{t.none}</p> : null}
        {catalogue && catalogue.length > 0 ? (
          <ul className="st-service-list">
            {catalogue.map((e) => {
              const title = localText(e.title, locale);
              const state = stateText(e.adoption, locale);
              const own = e.adoption !== null && Object.keys(e.adoption.overrides).length > 0;
              return (
                <li key={e.service} className="st-service">
                  <div className="st-service-main">
                    <h3 className="st-service-title">{title}</h3>
                    <p className="st-service-meta">
                      <span className={`st-state st-state--${state.key === 'needs-review' ? 'draft' : state.key === 'none' ? 'retired' : 'published'}`}>{state.text}</span>{' '}
                      {own ? <span>{t.overridden}. </span> : null}
                      <span>
                        {t.owner}: {nameOf(e.owner)}, {t.latest(e.latestVersion)}.
                      </span>
                    </p>
                    <p className="st-service-meta">{e.usedBy.length > 0 ? `${t.usedBy}: ${e.usedBy.map(nameOf).join(', ')}.` : t.usedByNobody}</p>
                    {e.adoption?.state === 'needs-review' && e.adoption.problems.length > 0 ? (
                      <div className="st-problems st-problems--warning">
                        <p>{t.reviewIntro}</p>
                        <ul>
                          {e.adoption.problems.map((p, i) => (
                            <li key={`${p.path}-${i}`}>
                              {localText(p.message, locale)} <span className="st-path">({p.path})</span>
                            </li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                    {e.idTaken && e.adoption === null ? <p className="sf-hint">{t.idTaken}</p> : null}
                  </div>
                  {e.idTaken && e.adoption === null ? null : (
                    <div className="st-service-actions">
                      <button
                        type="button"
                        className="sf-button sf-button--secondary st-small"
                        aria-expanded={open === e.service}
                        aria-controls="st-adoption-editor"
                        onClick={() => {
                          setOpen(e.service);
                          setPreviewing(false);
                        }}
                      >
                        {e.adoption === null ? t.adopt(title) : t.edit(title)}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>
      {entry ? (
        <section id="st-adoption-editor" aria-labelledby="st-adoption-heading">
          <h2 id="st-adoption-heading" tabIndex={-1} ref={editorRef}>
            {t.editorHeading(localText(entry.title, locale))}
          </h2>
          <AdoptionEditor key={`${entry.service}-${entry.adoption === null ? 'new' : 'adopted'}`} tenant={tenant} entry={entry} queues={queues} locale={locale} onSaved={onSaved} />
          {entry.adoption !== null ? (
            <div className="st-leave">
              {leaving === null ? (
                <button type="button" className="sf-button st-button-danger" onClick={() => setLeaving({ state: 'asking' })}>
                  {t.leave(localText(entry.title, locale))}
                </button>
              ) : (
                <div className="st-confirm" role="group" aria-labelledby="st-leave-heading" tabIndex={-1} ref={confirmRef}>
                  <h3 id="st-leave-heading">{t.leaveHeading(localText(entry.title, locale))}</h3>
                  <p>{t.leaveBody}</p>
                  {leaving.state === 'failed' ? (
                    <p className="st-error-text" role="alert">
                      {leaving.text}
                    </p>
                  ) : null}
                  <div className="st-confirm-actions">
                    <button type="button" className="sf-button st-button-danger" aria-disabled={leaving.state === 'busy' || undefined} onClick={() => void leave()}>
                      {t.leaveConfirm}
                    </button>
                    <button type="button" className="sf-button sf-button--secondary" onClick={() => setLeaving(null)}>
                      {t.leaveCancel}
                    </button>
                  </div>
                </div>
              )}
            </div>
          ) : null}
          {entry.adoption !== null ? (
            <section aria-labelledby="st-adoption-preview">
              <h2 id="st-adoption-preview">{t.previewHeading}</h2>
              <p>{t.previewIntro}</p>
              <button type="button" className="sf-button sf-button--secondary" aria-expanded={previewing} onClick={() => setPreviewing((x) => !x)}>
                {previewing ? t.previewHide : t.previewShow}
              </button>
              {previewing ? <AdoptionPreview tenant={tenant} serviceId={entry.id} locale={locale} revision={revision} /> : null}
            </section>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
