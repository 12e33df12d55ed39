import { Router } from 'express';
import type { Request } from 'express';
import { AppError, NotFoundError, UnprocessableError } from '@samform/model';
import { jsonBody } from '../http/json-body.ts';
import { pathParam } from '../http/path-param.ts';
import { actorOf, tenantOf } from '../http/request-context.ts';
import {
  checkDraft,
  createService,
  diffService,
  draftValidatorModule,
  exportService,
  getDraft,
  getVersion,
  listAdminServices,
  listVersions,
  publishImpact,
  saveDraft,
  setRetired,
} from '../services/admin-service-service.ts';
import type { VersionRef } from '../services/admin-service-service.ts';
import { createDraftValidatorModules } from '../services/draft-validator-module.ts';
import { MAX_NOTE_LENGTH, publishService } from '../services/publish-service.ts';
import type { ValidatorModuleCache } from '../services/validator-module.ts';
import { guard } from './guard.ts';
import type { RouteDeps } from './route-deps.ts';

const VERSION = /^[1-9][0-9]{0,8}$/;

function badQuery(message: string): AppError {
  return new AppError('invalid-query', 400, message);
}

function bodyObject(body: unknown): { [key: string]: unknown } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new AppError('invalid-body', 400, 'The body must be a JSON object.');
  return body as { [key: string]: unknown };
}

function definitionOf(body: unknown): unknown {
  const { definition } = bodyObject(body);
  if (definition === undefined) {
    throw new UnprocessableError('invalid-definition', 'Send {"definition": {…}}.', [{ path: '', keyword: 'required', message: 'send the e-service as {"definition": {…}}' }]);
  }
  return definition;
}

function noteOf(body: unknown): string {
  const { note } = bodyObject(body);
  const text = typeof note === 'string' ? note.trim() : '';
  if (text.length === 0 || text.length > MAX_NOTE_LENGTH) {
    throw new UnprocessableError('invalid-note', 'Describe the change in a note.', [
      { path: '/note', keyword: text.length === 0 ? 'minLength' : 'maxLength', message: `write what changed, 1–${MAX_NOTE_LENGTH} characters` },
    ]);
  }
  return text;
}

function retiredOf(body: unknown): boolean {
  if (body === undefined) return true;
  const { retired } = bodyObject(body);
  if (retired === undefined) return true;
  if (typeof retired !== 'boolean') throw new AppError('invalid-body', 400, 'retired must be true or false.');
  return retired;
}

// Query values are kept as strings by the app's simple query parser.
function refOf(req: Request, name: string, required: boolean): VersionRef | undefined {
  const value = req.query[name];
  if (value === undefined) {
    if (required) throw badQuery(`${name} is required: a version number or "draft".`);
    return undefined;
  }
  if (value === 'draft') return 'draft';
  if (typeof value !== 'string' || !VERSION.test(value)) throw badQuery(`${name} must be a version number or "draft".`);
  return Number(value);
}

function checkQuery(req: Request, allowed: readonly string[]): void {
  for (const [key, value] of Object.entries(req.query)) {
    if (!allowed.includes(key)) throw badQuery(`Unknown query parameter "${key.slice(0, 40)}".`);
    if (typeof value !== 'string') throw badQuery(`Query parameter "${key}" must be given once.`);
  }
}

/**
 * The staff admin API of a tenant's own e-services under `/admin/services`: list, create or
 * import, the draft, publish, versions, diff, export and retire. Only the tenant's designers
 * and administrators, signed in (API keys get 403 from their own tenant, 404 from another);
 * writes must come from the Samform pages themselves.
 */
export function adminServiceRoutes(deps: RouteDeps, modules: ValidatorModuleCache): Router {
  const router = Router({ mergeParams: true });
  const draftModules = createDraftValidatorModules();

  router.use('/admin', guard(deps, 'services:design'));

  router.get('/admin/services', async (req, res) => {
    checkQuery(req, []);
    res.json(await listAdminServices(deps.services(res), actorOf(res), { tenant: tenantOf(res) }));
  });

  router.post('/admin/services', jsonBody({ required: true }), async (req, res) => {
    const created = await createService(deps.services(res), actorOf(res), { tenant: tenantOf(res), definition: definitionOf(req.body) });
    const { id, ...draft } = created;
    res.status(201).location(`${req.baseUrl}/admin/services/${id}/draft`).json({ id, draft });
  });

  router.get('/admin/services/:service/draft', async (req, res) => {
    res.json(await getDraft(deps.services(res), actorOf(res), { tenant: tenantOf(res), serviceId: pathParam(req, 'service') }));
  });

  router.put('/admin/services/:service/draft', jsonBody({ required: true }), async (req, res) => {
    res.json(
      await saveDraft(deps.services(res), actorOf(res), { tenant: tenantOf(res), serviceId: pathParam(req, 'service'), definition: definitionOf(req.body) }),
    );
  });

  router.get('/admin/services/:service/draft/check', async (req, res) => {
    checkQuery(req, []);
    res.json(await checkDraft(deps.services(res), actorOf(res), { tenant: tenantOf(res), serviceId: pathParam(req, 'service') }));
  });

  // Built on request, unlike a version's module, which is built when published: this is the
  // designer's preview (signed-in staff only, never the citizen path), the build is cached by
  // the draft's content, and the preview works without the module while it is built.
  router.get('/admin/services/:service/draft/validator.js', async (req, res) => {
    const services = deps.services(res);
    const input = { tenant: tenantOf(res), serviceId: pathParam(req, 'service') };
    const module = await draftValidatorModule({ ...services, draftModules }, actorOf(res), input).catch((error: unknown) => {
      if (error instanceof AppError) throw error;
      services.log.warn({ err: error, tenant: input.tenant.id, serviceId: input.serviceId }, 'draft validator module could not be built');
      throw new AppError('validator-not-available', 422, 'The draft has no validator module; the preview cannot check the answers.');
    });
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    // The draft changes with every autosave: the preview must import the current one.
    res.setHeader('Cache-Control', 'no-store');
    res.send(module.source);
  });

  router.post('/admin/services/:service/publish', jsonBody({ required: true }), async (req, res) => {
    const result = await publishService({ ...deps.services(res), modules }, actorOf(res), {
      tenant: tenantOf(res),
      serviceId: pathParam(req, 'service'),
      note: noteOf(req.body),
    });
    if (!result.published) {
      const errors = result.problems.filter((p) => p.severity === 'error').length;
      res.status(422).json({ code: 'publish-checks-failed', message: `The e-service cannot be published: ${errors} problem(s) to fix first.`, errors: result.problems });
      return;
    }
    res.status(201).json({ version: result.version.version, publishedAt: result.version.publishedAt, warnings: result.warnings });
  });

  router.get('/admin/services/:service/versions', async (req, res) => {
    res.json(await listVersions(deps.services(res), actorOf(res), { tenant: tenantOf(res), serviceId: pathParam(req, 'service') }));
  });

  router.get('/admin/services/:service/versions/:version', async (req, res) => {
    const text = pathParam(req, 'version');
    if (!VERSION.test(text)) throw new NotFoundError('version-not-found', 'No such version.');
    res.json(await getVersion(deps.services(res), actorOf(res), { tenant: tenantOf(res), serviceId: pathParam(req, 'service'), version: Number(text) }));
  });

  router.get('/admin/services/:service/impact', async (req, res) => {
    checkQuery(req, []);
    res.json(await publishImpact(deps.services(res), actorOf(res), { tenant: tenantOf(res), serviceId: pathParam(req, 'service') }));
  });

  router.get('/admin/services/:service/diff', async (req, res) => {
    checkQuery(req, ['from', 'to']);
    const from = refOf(req, 'from', true)!;
    const to = refOf(req, 'to', true)!;
    res.json(await diffService(deps.services(res), actorOf(res), { tenant: tenantOf(res), serviceId: pathParam(req, 'service'), from, to }));
  });

  router.get('/admin/services/:service/export', async (req, res) => {
    checkQuery(req, ['version']);
    const version = refOf(req, 'version', false);
    const definition = await exportService(deps.services(res), actorOf(res), {
      tenant: tenantOf(res),
      serviceId: pathParam(req, 'service'),
      ...(version === undefined ? {} : { version }),
    });
    // The id is a slug (checked when the draft was saved), safe inside the quoted file name.
    res.setHeader('Content-Disposition', `attachment; filename="${definition.id}.json"`);
    res.type('application/json; charset=utf-8').send(`${JSON.stringify(definition, null, 2)}\n`);
  });

  router.post('/admin/services/:service/retire', jsonBody({ required: false }), async (req, res) => {
    res.json(await setRetired(deps.services(res), actorOf(res), { tenant: tenantOf(res), serviceId: pathParam(req, 'service'), retired: retiredOf(req.body) }));
  });

  return router;
}
