import { Router } from 'express';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { AppError, nextShownStep, NotFoundError, previousShownStep } from '@samform/model';
import type { JsonValue, ServiceVersion } from '@samform/model';
import type { Tenant } from '@samform/store';
import { hrefFor, renderPage, titleOf } from '@samform/client/ssr';
import { createRenderCache } from './render-cache.ts';
import type { FormState, PageState } from '@samform/client/ssr';
import { ANONYMOUS } from '../auth/actor.ts';
import { logOf, tenantOf } from '../http/request-context.ts';
import { RateLimitedError } from '../http/rate-limits.ts';
import type { RateLimits } from '../http/rate-limits.ts';
import { csrfRefusal } from '../http/csrf-guard.ts';
import { isSameOrigin } from '../http/same-origin.ts';
import { queryLimit } from '../http/query-limit.ts';
import { pathParam } from '../http/path-param.ts';
import { caseByStatusToken, citizenCaseStatus } from '../services/case-status-service.ts';
import { listServices, resolveService, versionAsServed } from '../services/catalog-service.ts';
import type { ServiceDeps } from '../services/service-deps.ts';
import { adoptionThemeOf, pageTheme, themeHash, themeLogo, themeStylesheet } from '../services/adoption-theme-service.ts';
import type { PageTheme } from '../services/adoption-theme-service.ts';
import { listTenants, requireTenant } from '../services/tenant-service.ts';
import type { OnAccepted } from '../routes/submission-routes.ts';
import { citizenLoginOf } from '../auth/citizen-login.ts';
import type { CitizenLogin } from '../auth/citizen-login.ts';
import { hasCitizenCookie, keepReceipt, loadCitizenRecord } from './citizen-record.ts';
import { eIdStateOf, loginValues, withLockedLoginFields } from './e-id-page-state.ts';
import { EIdLoginError, eIdRoutes } from './e-id-routes.ts';
import type { CitizenEId } from './e-id-routes.ts';
import type { CitizenData } from './citizen-record.ts';
import { formBody, formEntriesOf, formFilesOf, postedValue } from './form-body.ts';
import { REMOVE_ATTACHMENT, uploadStepFiles } from './attachment-uploads.ts';
import { groupActionOf, openForm, postGroupAction, postStep, sendDraft } from './form-flow.ts';
import type { OpenForm } from './form-flow.ts';
import type { PageShell } from './page-shell.ts';

/** What the citizen pages are built from. */
export interface PageDeps {
  services(res: Response): ServiceDeps;
  shell: PageShell;
  /** Starts building a version's validator module unless it is built or building: the form page's script asks for it next. */
  warmValidatorModule(version: ServiceVersion): void;
  /** Origins besides the app's own whose pages may post (a dev server). */
  allowedOrigins: readonly string[];
  /** Counters for sends (ADR 0011). */
  rateLimits: RateLimits;
  /** Citizen e-ID login (issue 6); without it e-ID e-services cannot be filled in. */
  eId?: CitizenEId;
}

type Locale = 'sv' | 'en';

// The address decides the language (as in the browser, which hydrates from the same address).
function localeOf(req: Request): Locale {
  return req.query.lang === 'en' ? 'en' : 'sv';
}

function stepOf(req: Request, steps: number): number {
  const raw = typeof req.query.steg === 'string' && /^[1-9][0-9]{0,3}$/.test(req.query.steg) ? Number(req.query.steg) : 1;
  return Math.min(raw, steps) - 1;
}

const returnsToReview = (req: Request): boolean => req.query.granska === '1';

/** The citizen pages, rendered on the server from the components that hydrate in the browser, and their plain form posts. */
export function pageRoutes(deps: PageDeps): Router {
  const router = Router();
  router.use(queryLimit, samePagePosts(deps.allowedOrigins));
  router.use(eIdRoutes({ services: deps.services, eId: deps.eId }));

  // Markup does not depend on the validator (ADR 0018); the same state renders the same page.
  const renderShared = createRenderCache((state) => renderPage(state));
  const send = (req: Request, res: Response, state: PageState, options: { status?: number; theme?: PageTheme } = {}): void => {
    const withAnswers = state.page === 'service' || state.page === 'receipt' || state.page === 'status';
    // Pages with answers or a receipt are this citizen's alone: no cache may keep them.
    res.setHeader('Cache-Control', withAnswers ? 'no-store' : 'no-cache');
    res.setHeader('Vary', 'Cookie');
    res
      .status(options.status ?? 200)
      .type('html')
      .send(
        deps.shell.render({
          locale: state.locale,
          title: titleOf(state),
          body: renderShared(state),
          state,
          formPage: state.page === 'service',
          ...(options.theme === undefined ? {} : { theme: shellTheme(options.theme, state.locale) }),
        }),
      );
  };
  const base = (req: Request) => ({ locale: localeOf(req), href: req.originalUrl });

  async function municipality(res: Response, id: string, serviceId: string): Promise<Tenant> {
    const tenant = await requireTenant(deps.services(res), id);
    // Shared e-services are filled in at a member municipality, never at the collaboration.
    if (tenant.kind !== 'municipality') throw new NotFoundError('service-not-found', `The e-service "${serviceId.slice(0, 64)}" does not exist here.`);
    return tenant;
  }

  const loginOf = (req: Request, res: Response): Promise<CitizenLogin | null> => {
    const services = deps.services(res);
    // The page's own save as the time-out warning opens is not the citizen's activity: it must
    // not keep the login alive behind the warning's back.
    return citizenLoginOf(services.store, req, services.clock(), { touch: req.get('samform-autosave') !== '1' });
  };

  const renderForm = async (req: Request, res: Response, form: OpenForm, formState: FormState, login: CitizenLogin | null): Promise<void> => {
    deps.warmValidatorModule(form.version);
    // A logged-in citizen sees the login fields filled in and locked (issue 6).
    const locked = withLockedLoginFields(form.service, formState.answers as { [key: string]: JsonValue }, login);
    const eId = eIdStateOf(form.service, login, form.tenant.id, serviceRoute(req, form));
    const theme = await pageTheme(deps.services(res), form.tenant, form.version.owner, form.version.serviceId);
    send(
      req,
      res,
      { ...base(req), page: 'service', tenant: { id: form.tenant.id, name: form.tenant.name }, service: locked.service, form: { ...formState, answers: locked.answers }, ...(eId ? { eId } : {}) },
      theme ? { theme } : {},
    );
  };

  const serviceRoute = (req: Request, form: OpenForm, options: { step?: number; returnToReview?: boolean } = {}) =>
    hrefFor({ name: 'service', tenant: form.tenant.id, service: form.serviceId }, localeOf(req), options);
  const reviewRoute = (req: Request, form: OpenForm) => hrefFor({ name: 'review', tenant: form.tenant.id, service: form.serviceId }, localeOf(req));

  router.get('/', async (req, res) => {
    send(req, res, { ...base(req), page: 'home', tenants: await listTenants(deps.services(res)) });
  });

  router.get('/tillganglighet', (req, res) => {
    send(req, res, { ...base(req), page: 'accessibility' });
  });

  router.get('/t/:tenant', async (req, res) => {
    const services = deps.services(res);
    const tenant = await requireTenant(services, pathParam(req, 'tenant'));
    const [tenants, list] = await Promise.all([listTenants(services), listServices(services, ANONYMOUS, { tenant })]);
    send(req, res, { ...base(req), page: 'tenant', tenant: tenant.id, tenants, services: list });
  });

  router.get('/t/:tenant/e/:service', async (req, res) => {
    const services = deps.services(res);
    const serviceId = pathParam(req, 'service');
    const tenant = await municipality(res, pathParam(req, 'tenant'), serviceId);
    const record = await loadCitizenRecord(services.store, req, res, services.clock());
    const form = await openForm(services, tenant, serviceId, record.data);
    // Using a draft keeps it for another 24 hours.
    if (form.draft) await record.save();
    await renderForm(req, res, form, { page: stepOf(req, form.steps.length), answers: form.draft?.answers ?? {}, errors: [], returnToReview: returnsToReview(req) }, await loginOf(req, res));
  });

  router.post('/t/:tenant/e/:service', formBody, async (req, res) => {
    const services = deps.services(res);
    const serviceId = pathParam(req, 'service');
    const tenant = await municipality(res, pathParam(req, 'tenant'), serviceId);
    const record = await loadCitizenRecord(services.store, req, res, services.clock());
    const form = await openForm(services, tenant, serviceId, record.data);
    const login = await loginOf(req, res);
    // Attachments (issue 4): the step's file parts are stored and become references among the entries.
    const uploads = await uploadStepFiles(services, form, postedValue(formEntriesOf(res), '_step'), formEntriesOf(res), formFilesOf(res), localeOf(req));
    const entries = uploads.entries;
    // A repeated group's Add or Remove without JavaScript: save unchecked, change the list, show the step again there.
    const groupAction = groupActionOf(postedValue(entries, '_action'));
    if (groupAction) {
      const moved = postGroupAction(services, form, { data: record.data, stepId: postedValue(entries, '_step'), entries, locale: localeOf(req), action: groupAction });
      if (moved === undefined) return void res.redirect(303, serviceRoute(req, form));
      await record.save();
      return void res.redirect(303, `${serviceRoute(req, form, { step: moved.stepIndex, returnToReview: returnsToReview(req) })}#${encodeURIComponent(moved.anchor)}`);
    }
    const back = postedValue(entries, '_action') === 'back';
    const removing = postedValue(entries, REMOVE_ATTACHMENT) !== undefined;
    const outcome = postStep(services, form, { data: record.data, stepId: postedValue(entries, '_step'), entries, locale: localeOf(req), check: !back && !removing, ...(login ? { login: loginValues(login) } : {}) });
    if (outcome === undefined) return void res.redirect(303, serviceRoute(req, form));
    await record.save();
    const answers = form.draft?.answers ?? {};
    if (back) return void res.redirect(303, serviceRoute(req, form, { step: Math.max(0, previousShownStep(form.steps, outcome.stepIndex, answers)) }));
    if (removing && uploads.errors.length === 0) return void res.redirect(303, serviceRoute(req, form, { step: outcome.stepIndex, returnToReview: returnsToReview(req) }));
    const errors = [...uploads.errors, ...outcome.errors.filter((e) => !uploads.errors.some((u) => u.path === e.path))];
    if (errors.length > 0) {
      return renderForm(req, res, form, { page: outcome.stepIndex, answers: form.draft?.answers ?? {}, errors, returnToReview: returnsToReview(req) }, login);
    }
    // The next step the answers show ("show when" may hide some); none left: the review page.
    const next = nextShownStep(form.steps, outcome.stepIndex, answers);
    res.redirect(303, next < 0 || returnsToReview(req) ? reviewRoute(req, form) : serviceRoute(req, form, { step: next }));
  });

  router.get('/t/:tenant/e/:service/granska', async (req, res) => {
    const services = deps.services(res);
    const serviceId = pathParam(req, 'service');
    const tenant = await municipality(res, pathParam(req, 'tenant'), serviceId);
    const record = await loadCitizenRecord(services.store, req, res, services.clock());
    const form = await openForm(services, tenant, serviceId, record.data);
    if (!form.draft) return void res.redirect(303, serviceRoute(req, form));
    await record.save();
    await renderForm(req, res, form, { page: 'review', answers: form.draft.answers, errors: [], returnToReview: false }, await loginOf(req, res));
  });

  router.post('/t/:tenant/e/:service/granska', formBody, async (req, res) => {
    const services = deps.services(res);
    const serviceId = pathParam(req, 'service');
    const tenant = await municipality(res, pathParam(req, 'tenant'), serviceId);
    const record = await loadCitizenRecord(services.store, req, res, services.clock());
    const form = await openForm(services, tenant, serviceId, record.data);
    const { draft } = form;
    if (!draft) {
      // Sent already (a resent post, a second click after the first answer): its receipt.
      const sent = latestReceipt(record.data, tenant.id, serviceId);
      return void res.redirect(303, sent ? hrefFor({ name: 'receipt', tenant: tenant.id, service: serviceId, reference: sent }, localeOf(req)) : serviceRoute(req, form));
    }
    const login = await loginOf(req, res);
    // A login that is missing (or ended while the citizen filled in) or lacks the personnummer:
    // the form page says so; the draft is kept for after the login.
    const eId = eIdStateOf(form.service, login, tenant.id, serviceRoute(req, form));
    if (eId !== undefined && (eId.missingPersonnummer || (eId.identification === 'e-id' && login === null))) return void res.redirect(303, serviceRoute(req, form));
    deps.rateLimits.submit(req, res, tenant.id);
    const outcome = await sendDraft(services, { ...form, draft }, localeOf(req), login);
    if (!outcome.ok) {
      return renderForm(req, res, form, { page: 'review', answers: draft.answers, errors: outcome.errors, returnToReview: false }, login);
    }
    keepReceipt(record.data, { tenant: tenant.id, service: serviceId, owner: form.version.owner, serviceId: form.version.serviceId, ...outcome.receipt });
    await record.save();
    res.redirect(303, hrefFor({ name: 'receipt', tenant: tenant.id, service: serviceId, reference: outcome.receipt.reference }, localeOf(req)));
  });

  router.get('/t/:tenant/e/:service/kvitto/:reference', async (req, res) => {
    const services = deps.services(res);
    const serviceId = pathParam(req, 'service');
    const tenant = await municipality(res, pathParam(req, 'tenant'), serviceId);
    const record = await loadCitizenRecord(services.store, req, res, services.clock());
    const reference = pathParam(req, 'reference');
    const kept = record.data.receipts.find((r) => r.reference === reference && r.tenant === tenant.id && r.service === serviceId);
    // Only the browser that sent it sees a receipt: another one cannot tell it from a wrong address.
    // The receipt says what the municipality says: an adopted e-service with its overrides (its contact).
    const version = kept ? await versionAsServed(services, tenant, kept.owner, kept.serviceId, kept.version) : null;
    if (!kept || !version) throw new NotFoundError('receipt-not-found', 'There is no such receipt in this browser.');
    await record.save();
    const { id, receivedAt, queue } = kept;
    const theme = await pageTheme(services, tenant, kept.owner, kept.serviceId);
    // Issue 7: the receipt shows where the case is now, and the link to follow it.
    const found = await services.store.getCase(tenant.id, id);
    send(req, res, {
      ...base(req),
      page: 'receipt',
      tenant: { id: tenant.id, name: tenant.name },
      service: { ...version.definition, version: version.version, owner: version.owner, shared: version.owner !== tenant.id },
      receipt: { id, reference, receivedAt, version: kept.version, queue },
      ...(found ? { caseStatus: await citizenCaseStatus(services, tenant, found) } : {}),
    }, theme ? { theme } : {});
  });

  // An adopted e-service's theme (issue 5): a stylesheet named by the theme's hash, cached for
  // good under that name (any other name gets the current one, revalidated), and its logo.
  router.get('/t/:tenant/e/:service/tema/:file', async (req, res) => {
    const services = deps.services(res);
    const serviceId = pathParam(req, 'service');
    const tenant = await municipality(res, pathParam(req, 'tenant'), serviceId);
    const { version } = await resolveService(services, tenant, serviceId);
    const theme = await adoptionThemeOf(services, tenant, version.owner, version.serviceId);
    if (theme === null) throw new NotFoundError('theme-not-found', 'This e-service has no theme of its own.');
    const current = pathParam(req, 'file') === `${themeHash(theme)}.css`;
    res.setHeader('Cache-Control', current ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.type('text/css; charset=utf-8').send(themeStylesheet(theme));
  });

  router.get('/t/:tenant/e/:service/logotyp/:sha256', async (req, res) => {
    const services = deps.services(res);
    const serviceId = pathParam(req, 'service');
    const tenant = await municipality(res, pathParam(req, 'tenant'), serviceId);
    const { version } = await resolveService(services, tenant, serviceId);
    const logo = await themeLogo(services, tenant, version.owner, version.serviceId, pathParam(req, 'sha256'));
    if (logo === null) throw new NotFoundError('logo-not-found', 'There is no such logo.');
    // Named by its hash: the same address is always the same bytes. nosniff comes with the page headers.
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.type(logo.type).send(Buffer.from(logo.bytes.buffer, logo.bytes.byteOffset, logo.bytes.byteLength));
  });

  // Issue 7: the status link. The token is the key (no login); an unknown one is a plain 404.
  router.get('/t/:tenant/status/:token', async (req, res) => {
    const services = deps.services(res);
    const tenant = await requireTenant(services, pathParam(req, 'tenant'));
    const { version, status } = await caseByStatusToken(services, tenant, pathParam(req, 'token'));
    res.setHeader('X-Robots-Tag', 'noindex');
    send(req, res, { ...base(req), page: 'status', tenant: { id: tenant.id, name: tenant.name }, service: { title: version.definition.title }, status });
  });

  router.use(pageNotFound(deps, send));
  router.use(pageErrors(send, base));
  return router;
}

function shellTheme(theme: PageTheme, locale: string): { stylesheet: string; logo?: { src: string; alt: string } } {
  if (theme.logo === undefined) return { stylesheet: theme.stylesheet };
  return { stylesheet: theme.stylesheet, logo: { src: theme.logo.src, alt: theme.logo.alt[locale] ?? theme.logo.alt.sv } };
}

function latestReceipt(data: CitizenData, tenant: string, service: string): string | undefined {
  return data.receipts.filter((r) => r.tenant === tenant && r.service === service).at(-1)?.reference;
}

type Send = (req: Request, res: Response, state: PageState, options?: { status?: number }) => void;

/** Any other GET: a real 404 page. */
function pageNotFound(_deps: PageDeps, send: Send): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    send(req, res, { locale: localeOf(req), href: req.originalUrl, page: 'problem', status: 404 }, { status: 404 });
  };
}

/** Failures of the pages as pages: 404 for what does not exist, the status of other refusals, a logged 500 else. */
function pageErrors(send: Send, base: (req: Request) => { locale: Locale; href: string }): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error instanceof AppError && error.status < 500 ? error.status : 500;
    if (status === 500) logOf(res).error({ err: error }, 'page failed');
    // A refused send keeps its draft: the page says how long to wait and leads back to the review.
    const retry = error instanceof RateLimitedError ? { retryAfterSeconds: error.retryAfterSeconds } : {};
    const reason = error instanceof EIdLoginError ? error.reason : undefined;
    send(req, res, { ...base(req), page: 'problem', status, ...retry, ...(reason ? { reason } : {}) }, { status });
  };
}

/** Page posts: refuse one another site's page sent, and one riding the citizen's cookie without proof of our origin (CSRF). */
export function samePagePosts(allowedOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => next(csrfRefusal(req, allowedOrigins));
}

/**
 * The JSON API's send keeps its receipt for the browser too, so the receipt page works after a
 * send with JavaScript. Only a browser gets one: a request from our own pages (Sec-Fetch-Site or
 * Origin) or one carrying the citizen cookie. An integration's send (API key, no cookie) would
 * otherwise cost a second durable write for a record no one ever reads.
 */
export function keepApiReceipts(services: (res: Response) => ServiceDeps, allowedOrigins: readonly string[] = []): OnAccepted {
  return async (req, res, { serviceId, receipt }) => {
    if (!isSameOrigin(req, allowedOrigins) && !hasCitizenCookie(req)) return;
    const deps = services(res);
    try {
      const tenant = tenantOf(res);
      const { version } = await resolveService(deps, tenant, serviceId);
      const record = await loadCitizenRecord(deps.store, req, res, deps.clock());
      keepReceipt(record.data, { tenant: tenant.id, service: serviceId, owner: version.owner, serviceId: version.serviceId, ...receipt });
      await record.save();
    } catch (error) {
      // The case is filed; only showing its receipt again in this browser is lost.
      deps.log.warn({ err: error }, 'receipt not kept for the browser');
    }
  };
}
