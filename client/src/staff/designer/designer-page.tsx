import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { text } from '@samform/model';
import type { ServiceDefinition } from '@samform/model';
import { ErrorBoundary } from '../error-boundary.tsx';
import { ApiError, staffApi } from '../staff-api.ts';
import type { TenantSummary } from '../staff-api.ts';
import { Loading, PageHeading, ProblemList, StaffLink, useAnnounce, useStaffTitle } from '../staff-parts.tsx';
import { staffHref } from '../staff-router.ts';
import { staffText } from '../staff-text.ts';
import { BuildTab } from './build-tab.tsx';
import { changeHistory, redoHistory, startHistory, undoHistory } from './definition-history.ts';
import type { DefinitionHistory } from './definition-history.ts';
import { draftProblems } from './draft-problems.ts';
import { DesignerTabs } from './designer-tabs.tsx';
import type { DesignerTab } from './designer-tabs.tsx';
import { JsonTab } from './json-tab.tsx';
import { PreviewTab } from './preview-tab.tsx';
import { PublishTab } from './publish-tab.tsx';
import { SaveStatus } from './save-status.tsx';
import { useAutosave } from './use-autosave.ts';
import { withSteps } from './with-steps.ts';

/** Props of {@link DesignerPage}. */
export interface DesignerPageProps {
  tenant: string;
  tenantName: string;
  service: string;
  locale: string;
  tenants: TenantSummary[];
}

/** What is selected in the build view: a step, and maybe one of its fields. */
export interface Selection {
  step: string;
  field?: string;
}

/** Applies one edit to the draft; `group` merges a run of edits (typing in one box) into one undo step. */
export type Edit = (change: (definition: ServiceDefinition) => ServiceDefinition, group?: string) => boolean;

/** The form designer for one e-service: build, preview, JSON and publish, autosaved, with Undo. */
export default function DesignerPage({ tenant, tenantName, service, locale, tenants }: DesignerPageProps) {
  const t = staffText(locale);
  const announce = useAnnounce();
  const [history, setHistory] = useState<DefinitionHistory | undefined>();
  const [loadError, setLoadError] = useState<number | undefined>();
  const [tab, setTab] = useState<DesignerTab>('build');
  const [selection, setSelection] = useState<Selection | undefined>();
  const [editError, setEditError] = useState<string | undefined>();
  const historyRef = useRef(history);
  historyRef.current = history;
  const definition = history?.present;

  const autosave = useAutosave(tenant, service, definition, (outcome) => {
    announce(outcome === 'saved' ? t.saved : outcome === 'invalid' ? t.saveInvalid : t.saveFailed);
  });

  useEffect(() => {
    staffApi.draft(tenant, service).then(
      ({ definition: loaded, updatedAt }) => {
        autosave.markLoaded(loaded, updatedAt);
        const shaped = withSteps(loaded);
        setHistory(startHistory(shaped));
        setSelection({ step: shaped.steps?.[0]?.id ?? '' });
      },
      (caught: unknown) => setLoadError(caught instanceof ApiError ? caught.status : 0),
    );
    // markLoaded is stable; the draft is loaded once per designer.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loaded once per tenant and service
  }, [tenant, service]);

  const title = definition ? text(definition.title, locale) : service;
  useStaffTitle([tab === 'build' ? title : `${t.tabNames[tab]}: ${title}`, t.designer, tenantName], locale, tab);

  const edit: Edit = useCallback(
    (change, group) => {
      const current = historyRef.current;
      if (!current) return false;
      try {
        const next = change(current.present);
        setHistory(changeHistory(current, next, group));
        setEditError(undefined);
        return true;
      } catch (caught) {
        setEditError(caught instanceof Error ? caught.message : String(caught));
        announce(t.editFailed);
        return false;
      }
    },
    [announce, t],
  );

  const undo = useCallback(() => {
    const current = historyRef.current;
    if (!current || current.past.length === 0) return;
    setHistory(undoHistory(current));
    announce(t.undone);
  }, [announce, t]);
  const redo = useCallback(() => {
    const current = historyRef.current;
    if (!current || current.future.length === 0) return;
    setHistory(redoHistory(current));
    announce(t.redone);
  }, [announce, t]);

  // Ctrl+Z / Ctrl+Y (⌘ on a Mac) undo the designer's changes, except in a text box, where they undo the typing.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.matches('input:not([type=checkbox]):not([type=radio]):not([type=file]), textarea, [contenteditable]')) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      redo();
    }
  };

  const selectField = useCallback(
    (field: string) => {
      const step = historyRef.current?.present.steps?.find((s) => s.fields.includes(field.split('.')[0] ?? field));
      setSelection({ step: step?.id ?? selection?.step ?? '', field });
      setTab('build');
    },
    [selection?.step],
  );

  if (loadError !== undefined) {
    return (
      <>
        <PageHeading>{loadError === 404 ? t.serviceMissing : t.loadFailed}</PageHeading>
        <p>
          <StaffLink href={staffHref({ name: 'services', tenant }, locale)}>{t.backToServices(tenantName)}</StaffLink>
        </p>
      </>
    );
  }
  if (!history || !definition || !selection) return <Loading locale={locale} />;

  const tenantKind = tenants.find((x) => x.id === tenant)?.kind;
  const tabs: { id: DesignerTab; label: string }[] = (['build', 'preview', 'json', 'publish'] as const).map((id) => ({ id, label: t.tabNames[id] }));

  return (
    <div className="st-designer" onKeyDown={onKeyDown}>
      <p className="st-breadcrumb">
        <StaffLink href={staffHref({ name: 'services', tenant }, locale)}>{t.backToServices(tenantName)}</StaffLink>
      </p>
      <div className="st-designer-head">
        <div>
          <p className="sf-caption">{t.designer}</p>
          {/* The preview draws the form's own h1; the view keeps one. */}
          {tab === 'preview' ? <p className="st-h1">{title}</p> : <PageHeading>{title}</PageHeading>}
        </div>
        <div className="st-designer-tools">
          <SaveStatus state={autosave.state} savedAt={autosave.savedAt} locale={locale} />
          <div className="st-button-row" role="group" aria-label={t.undoGroup}>
            <button type="button" className="sf-button sf-button--secondary st-small" aria-disabled={history.past.length === 0 || undefined} aria-keyshortcuts="Control+Z" onClick={undo}>
              {t.undo}
            </button>
            <button type="button" className="sf-button sf-button--secondary st-small" aria-disabled={history.future.length === 0 || undefined} aria-keyshortcuts="Control+Y" onClick={redo}>
              {t.redo}
            </button>
          </div>
        </div>
      </div>
      {autosave.state === 'invalid' ? <ProblemList title={t.saveInvalidTitle} problems={draftProblems(definition, autosave.errors, locale)} locale={locale} onSelect={(problem) => problem.field && selectField(problem.field)} /> : null}
      {editError ? (
        <div className="sf-notice sf-notice--warning" role="alert">
          <p className="sf-notice-body">
            {t.editFailed} {editError}
          </p>
        </div>
      ) : null}
      <DesignerTabs tabs={tabs} current={tab} onSelect={setTab} label={t.designerViews} />
      <div role="tabpanel" id={`st-panel-${tab}`} aria-labelledby={`st-tab-${tab}`} className="st-panel">
        <ErrorBoundary resetKey={tab} fallback={<p className="st-error-text">{t.viewFailed}</p>}>
        {tab === 'build' ? <BuildTab definition={definition} edit={edit} selection={selection} onSelect={setSelection} locale={locale} onUndo={undo} problems={autosave.problems} /> : null}
        {tab === 'preview' ? (
          <PreviewTab
            definition={definition}
            locale={locale}
            tenant={tenant}
            service={service}
            revision={autosave.state === 'saved' ? autosave.revision : undefined}
            saveNow={autosave.saveNow}
          />
        ) : null}
        {tab === 'json' ? <JsonTab definition={definition} locale={locale} /> : null}
        {tab === 'publish' ? (
          <PublishTab
            tenant={tenant}
            service={service}
            locale={locale}
            onSelectField={selectField}
            saveNow={autosave.saveNow}
            problems={autosave.problems}
            upToDate={autosave.state === 'saved'}
            {...(tenantKind === 'collaboration' ? { collaborationTenants: tenants } : {})}
            {...(tenantKind === 'municipality' ? { citizenHref: `/t/${tenant}/e/${service}${locale === 'en' ? '?lang=en' : ''}` } : {})}
          />
        ) : null}
        </ErrorBoundary>
      </div>
    </div>
  );
}
