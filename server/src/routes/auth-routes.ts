import { Router } from 'express';
import { AppError } from '@samform/model';
import { jsonBody } from '../http/json-body.ts';
import { isCrossSite } from '../http/same-origin.ts';
import { recordLogin } from '../services/login-audit.ts';
import type { RouteDeps } from './route-deps.ts';

const INVALID = (): AppError => new AppError('invalid-credentials', 401, 'Wrong username or password.');
const CROSS_ORIGIN = (): AppError => new AppError('cross-origin', 403, 'This request must come from the Samform pages themselves.');

/** POST /api/auth/login and /logout, GET /api/auth/me: staff sign-in. */
export function authRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.post('/auth/login', jsonBody({ required: true }), async (req, res) => {
    // A login from another site would sign the victim's browser into the attacker's account.
    if (isCrossSite(req, deps.allowedOrigins)) throw CROSS_ORIGIN();
    const body = req.body as unknown;
    const { username, password } = (body !== null && typeof body === 'object' ? body : {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string' || username === '' || password === '') throw INVALID();
    // Only failures count, so a busy office behind one address is never locked out by its own sign-ins.
    deps.rateLimits.checkLogin(req, res, username);
    const profile = await deps.staffAuth.logIn(req, res);
    await recordLogin(deps.services(res), username, profile);
    if (profile === null) {
      deps.rateLimits.failedLogin(req, username);
      throw INVALID();
    }
    res.json({ user: profile });
  });

  router.post('/auth/logout', async (req, res) => {
    // Forced sign-out is the worst a forged logout can do, so only a browser's cross-site
    // signal is refused here; the queue endpoints demand positive proof of origin.
    if (isCrossSite(req, deps.allowedOrigins)) throw CROSS_ORIGIN();
    await deps.staffAuth.logOut(req, res);
    res.json({ user: null });
  });

  router.get('/auth/me', (req, res) => {
    const profile = deps.staffAuth.profile(req);
    if (profile === null) throw new AppError('unauthenticated', 401, 'Not signed in.');
    res.json({ user: profile });
  });

  return router;
}
