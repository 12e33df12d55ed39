import { Router } from 'express';
import type { RequestHandler } from 'express';
import { AppError } from '@samform/model';
import { authorize } from '../auth/permissions.ts';
import { jsonBody } from '../http/json-body.ts';
import { pathParam } from '../http/path-param.ts';
import { actorOf, setContext } from '../http/request-context.ts';
import { STATE_CHANGING, isSameOrigin } from '../http/same-origin.ts';
import { appointTenantAdmin, createTenant, listPlatformTenants } from '../services/platform-service.ts';
import { bodyObject } from './body-object.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * The platform administrators' API under /api/platform: list and create tenants, appoint a
 * tenant's first administrator. Sessions only (no API key is platform-wide); writes must come
 * from the Samform pages themselves.
 */
export function platformRoutes(deps: RouteDeps): Router {
  const router = Router();
  const platformGuard: RequestHandler = (req, res, next) => {
    const actor = deps.staffAuth.sessionActor(req);
    setContext(res, 'actor', actor);
    authorize(actor, null, 'tenants:manage');
    if (STATE_CHANGING.has(req.method) && !isSameOrigin(req, deps.allowedOrigins)) {
      throw new AppError('cross-origin', 403, 'This request must come from the Samform pages themselves.');
    }
    next();
  };
  router.use('/platform', platformGuard);

  router.get('/platform/tenants', async (_req, res) => {
    res.json(await listPlatformTenants(deps.services(res), actorOf(res)));
  });

  router.post('/platform/tenants', jsonBody({ required: true }), async (req, res) => {
    const tenant = await createTenant(deps.services(res), actorOf(res), { body: bodyObject(req.body) });
    res.status(201).json(tenant);
  });

  router.post('/platform/tenants/:tenant/admins', jsonBody({ required: true }), async (req, res) => {
    res.status(201).json(await appointTenantAdmin(deps.services(res), actorOf(res), { tenantId: pathParam(req, 'tenant'), body: bodyObject(req.body) }));
  });

  return router;
}
