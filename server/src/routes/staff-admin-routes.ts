import { Router } from 'express';
import { jsonBody } from '../http/json-body.ts';
import { pathParam } from '../http/path-param.ts';
import { actorOf, tenantOf } from '../http/request-context.ts';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from '../services/api-key-service.ts';
import { createStaff, listStaff, resetStaffPassword, updateStaff } from '../services/staff-service.ts';
import { bodyObject } from './body-object.ts';
import { guard } from './guard.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * A tenant's administrators manage its staff (`/staff`) and its API keys (`/api-keys`).
 * Secrets and initial passwords appear in exactly one answer and are never stored in clear.
 */
export function staffAdminRoutes(deps: RouteDeps): Router {
  const router = Router({ mergeParams: true });
  router.use('/staff', guard(deps, 'staff:manage'));
  router.use('/api-keys', guard(deps, 'api-keys:manage'));

  router.get('/staff', async (_req, res) => {
    res.json(await listStaff(deps.services(res), actorOf(res), { tenant: tenantOf(res) }));
  });

  router.post('/staff', jsonBody({ required: true }), async (req, res) => {
    const created = await createStaff(deps.services(res), actorOf(res), { tenant: tenantOf(res), body: bodyObject(req.body) });
    res.status(201).location(`${req.baseUrl}/staff/${created.staff.id}`).json(created);
  });

  router.patch('/staff/:id', jsonBody({ required: true }), async (req, res) => {
    res.json(await updateStaff(deps.services(res), actorOf(res), { tenant: tenantOf(res), id: pathParam(req, 'id'), body: bodyObject(req.body) }));
  });

  router.post('/staff/:id/password', jsonBody({ required: false }), async (req, res) => {
    res.json(await resetStaffPassword(deps.services(res), actorOf(res), { tenant: tenantOf(res), id: pathParam(req, 'id'), body: bodyObject(req.body) }));
  });

  router.get('/api-keys', async (_req, res) => {
    res.json(await listApiKeys(deps.services(res), actorOf(res), { tenant: tenantOf(res) }));
  });

  router.post('/api-keys', jsonBody({ required: true }), async (req, res) => {
    const created = await createApiKey(deps.services(res), actorOf(res), { tenant: tenantOf(res), body: bodyObject(req.body) });
    res.status(201).location(`${req.baseUrl}/api-keys/${created.key.id}`).json(created);
  });

  router.post('/api-keys/:id/rotate', async (req, res) => {
    res.json(await rotateApiKey(deps.services(res), actorOf(res), { tenant: tenantOf(res), id: pathParam(req, 'id') }));
  });

  router.delete('/api-keys/:id', async (req, res) => {
    await revokeApiKey(deps.services(res), actorOf(res), { tenant: tenantOf(res), id: pathParam(req, 'id') });
    res.status(204).end();
  });

  return router;
}
