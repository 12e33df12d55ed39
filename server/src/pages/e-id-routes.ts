import { Router } from 'express';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '@samform/model';
import { CITIZEN_SCOPES } from '../auth/e-id-claims.ts';
import { citizenLoginFromClaims, endCitizenLogin, startCitizenLogin } from '../auth/citizen-login.ts';
import type { OidcLogin } from '../auth/oidc-login.ts';
import { localReturnPath, savePendingLogin, takePendingLogin } from '../auth/pending-login.ts';
import { logOf } from '../http/request-context.ts';
import { pathParam } from '../http/path-param.ts';
import type { ServiceDeps } from '../services/service-deps.ts';
import { requireTenant } from '../services/tenant-service.ts';
import { forgetCitizenRecord, loginOwnerOf, renewCitizenRecord } from './citizen-record.ts';

/** The citizen e-ID login as the pages use it. */
export interface CitizenEId {
  login: OidcLogin;
  issuer: string;
  /** How long a login lasts without activity; DEFAULT_EID_IDLE_MS when omitted. */
  idleMs?: number;
}

/** The callback path registered at the e-ID broker. */
export const E_ID_CALLBACK_PATH = '/e-id/callback';

/** A login step that failed in a way the citizen should be told about (shown as a problem page). */
export class EIdLoginError extends AppError {
  constructor(
    code: 'e-id-bad-return' | 'e-id-login-failed' | 'e-id-not-configured',
    status: number,
    message: string,
    readonly reason: 'bad-return' | 'login-failed',
    options?: { cause?: unknown },
  ) {
    super(code, status, message, options);
  }
}

/** This site's own origin as the browser reached it (the provider only accepts registered callbacks). */
export function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * GET /t/:tenant/e-id/login?return=/local/path: start an e-ID login (code flow with PKCE, state
 * and nonce); GET /e-id/callback: finish it under a new session id; POST /e-id/logout: end it
 * server-side. `return` must be a path on this site, anything else is refused (no open redirect).
 */
export function eIdRoutes(deps: { services(res: Response): ServiceDeps; eId: CitizenEId | undefined }): Router {
  const router = Router();

  const configured = (): CitizenEId => {
    if (deps.eId === undefined) throw new EIdLoginError('e-id-not-configured', 404, 'E-ID login is not set up on this server.', 'login-failed');
    return deps.eId;
  };

  router.get('/t/:tenant/e-id/login', async (req, res) => {
    const eId = configured();
    const services = deps.services(res);
    const tenant = await requireTenant(services, pathParam(req, 'tenant'));
    const asked = req.query.return;
    const returnTo = asked === undefined ? `/t/${tenant.id}` : localReturnPath(asked);
    if (returnTo === undefined) throw new EIdLoginError('e-id-bad-return', 400, 'The return address must be a page on this site.', 'bad-return');
    const { url, pending } = await eId.login.begin({ redirectUri: `${originOf(req)}${E_ID_CALLBACK_PATH}`, scope: CITIZEN_SCOPES });
    await savePendingLogin(services.store, req, res, { purpose: 'citizen', tenant: tenant.id, returnTo, oidc: pending }, services.clock());
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, url.href);
  });

  router.get(E_ID_CALLBACK_PATH, async (req, res) => {
    const eId = configured();
    const services = deps.services(res);
    const now = services.clock();
    const pending = await takePendingLogin(services.store, req, res, now);
    if (pending === null || pending.purpose !== 'citizen') {
      throw new EIdLoginError('e-id-login-failed', 400, 'The login had expired or was not started here.', 'login-failed');
    }
    // The citizen cancelled at the provider: back where they were, not logged in.
    if (typeof req.query.error === 'string' && req.query.error === 'access_denied') return void res.redirect(303, pending.returnTo);
    let claims;
    try {
      const query = req.originalUrl.indexOf('?');
      claims = await eId.login.finish(new URL(`${pending.oidc.redirectUri}${query < 0 ? '' : req.originalUrl.slice(query)}`), pending.oidc);
    } catch (error) {
      logOf(res).warn({ err: error }, 'e-ID login failed');
      throw new EIdLoginError('e-id-login-failed', 400, 'The e-ID login could not be completed.', 'login-failed', { cause: error });
    }
    const login = citizenLoginFromClaims(eId.issuer, claims);
    await renewCitizenRecord(services.store, req, res, now, loginOwnerOf(login));
    await startCitizenLogin(services.store, req, res, login, now, eId.idleMs);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, pending.returnTo);
  });

  router.post('/e-id/logout', (async (req, res) => {
    const services = deps.services(res);
    await endCitizenLogin(services.store, req, res);
    // The drafts may hold the personnummer, and the computer may be shared.
    await forgetCitizenRecord(services.store, req, res);
    res.redirect(303, localReturnPath(req.query.return) ?? '/');
  }) as RequestHandler);

  return router;
}
