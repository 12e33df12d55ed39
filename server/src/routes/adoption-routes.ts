import { Router } from 'express';
import { AppError, MAX_LOGO_BYTES } from '@samform/model';
import { jsonBody } from '../http/json-body.ts';
import { pathParam } from '../http/path-param.ts';
import { readBodyUpTo } from '../http/read-body-up-to.ts';
import { actorOf, tenantOf } from '../http/request-context.ts';
import { adoptService, authorizeAdopt, changeAdoption, leaveAdoption, listAdoptions, listCatalogue } from '../services/adoption-service.ts';
import { logoTooLarge, saveAdoptionLogo } from '../services/adoption-theme-service.ts';
import { guard } from './guard.ts';
import type { RouteDeps } from './route-deps.ts';

function bodyObject(body: unknown): { [key: string]: unknown } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new AppError('invalid-body', 400, 'The body must be a JSON object.');
  return body as { [key: string]: unknown };
}

/**
 * The catalogue of shared e-services and the municipality's adoptions of them: GET /catalogue,
 * GET and POST /adoptions, PUT and DELETE /adoptions/:owner/:service, and PUT
 * /adoptions/:owner/:service/logo (the raw image as the body). Only the municipality's
 * administrators, signed in; writes must come from the Samform pages themselves.
 */
export function adoptionRoutes(deps: RouteDeps): Router {
  const router = Router({ mergeParams: true });

  // A collaboration adopts nothing: its adoption endpoints do not exist.
  router.use(['/catalogue', '/adoptions'], guard(deps, 'adoptions:manage', { check: (actor, res) => authorizeAdopt(actor, tenantOf(res)) }));

  router.get('/catalogue', async (_req, res) => {
    res.json(await listCatalogue(deps.services(res), actorOf(res), { tenant: tenantOf(res) }));
  });

  router.get('/adoptions', async (_req, res) => {
    res.json(await listAdoptions(deps.services(res), actorOf(res), { tenant: tenantOf(res) }));
  });

  router.post('/adoptions', jsonBody({ required: true }), async (req, res) => {
    const view = await adoptService(deps.services(res), actorOf(res), { tenant: tenantOf(res), body: bodyObject(req.body) });
    res.status(201).location(`${req.baseUrl}/adoptions/${view.service}`).json(view);
  });

  router.put('/adoptions/:owner/:service', jsonBody({ required: true }), async (req, res) => {
    const input = { tenant: tenantOf(res), owner: pathParam(req, 'owner'), serviceId: pathParam(req, 'service'), body: bodyObject(req.body) };
    res.json(await changeAdoption(deps.services(res), actorOf(res), input));
  });

  router.delete('/adoptions/:owner/:service', async (req, res) => {
    await leaveAdoption(deps.services(res), actorOf(res), { tenant: tenantOf(res), owner: pathParam(req, 'owner'), serviceId: pathParam(req, 'service') });
    res.status(204).end();
  });

  router.put('/adoptions/:owner/:service/logo', async (req, res) => {
    const bytes = await readBodyUpTo(req, MAX_LOGO_BYTES, logoTooLarge);
    const input = { tenant: tenantOf(res), owner: pathParam(req, 'owner'), serviceId: pathParam(req, 'service'), bytes };
    res.json(await saveAdoptionLogo(deps.services(res), actorOf(res), input));
  });

  return router;
}
