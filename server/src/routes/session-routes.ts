import { Router } from 'express';
import { AppError } from '@samform/model';
import { citizenLoginTimes, extendCitizenLogin } from '../auth/citizen-login.ts';
import type { CitizenLoginTimes } from '../auth/citizen-login.ts';
import { loadCitizenRecord } from '../pages/citizen-record.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * How long a session has left, and a way to extend it (WCAG 2.2.1: a time limit is announced
 * and can be extended). Staff: GET /api/auth/session, POST /api/auth/session/extend. Citizens'
 * drafts: GET /api/citizen/session, POST /api/citizen/session/extend. A citizen's e-ID login:
 * GET /api/citizen/e-id/session, POST /api/citizen/e-id/session/extend. Asking never counts as
 * activity; extending does. Writes pass the app's CSRF guard (they ride a cookie).
 */
export function sessionRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get('/auth/session', (req, res) => {
    const times = deps.staffAuth.idle.times(req);
    res.json(times === null ? { signedIn: false, expiresAt: null } : { signedIn: true, expiresAt: times.expiresAt.toISOString(), idleSeconds: times.idleSeconds });
  });

  router.post('/auth/session/extend', (req, res) => {
    if (deps.staffAuth.idle.times(req) === null) throw new AppError('unauthenticated', 401, 'Not signed in.');
    deps.staffAuth.idle.extend(req);
    const times = deps.staffAuth.idle.times(req)!;
    res.json({ signedIn: true, expiresAt: times.expiresAt.toISOString(), idleSeconds: times.idleSeconds });
  });

  router.get('/citizen/session', async (req, res) => {
    const services = deps.services(res);
    const record = await loadCitizenRecord(services.store, req, res, services.clock());
    res.json({ expiresAt: record.expiresAt });
  });

  router.post('/citizen/session/extend', async (req, res) => {
    const services = deps.services(res);
    const record = await loadCitizenRecord(services.store, req, res, services.clock());
    // No record yet: nothing is kept that could be lost, and none is made for a bare request.
    if (record.expiresAt === null) throw new AppError('no-session', 404, 'This browser has no saved answers to keep.');
    await record.save();
    res.json({ expiresAt: record.expiresAt });
  });

  const eIdAnswer = (times: CitizenLoginTimes | null) =>
    times === null ? { loggedIn: false, expiresAt: null } : { loggedIn: true, expiresAt: times.expiresAt.toISOString(), idleSeconds: times.idleSeconds };

  router.get('/citizen/e-id/session', async (req, res) => {
    const services = deps.services(res);
    res.json(eIdAnswer(await citizenLoginTimes(services.store, req, services.clock())));
  });

  router.post('/citizen/e-id/session/extend', async (req, res) => {
    const services = deps.services(res);
    const times = await extendCitizenLogin(services.store, req, services.clock());
    if (times === null) throw new AppError('unauthenticated', 401, 'Not logged in with e-ID.');
    res.json(eIdAnswer(times));
  });

  return router;
}
