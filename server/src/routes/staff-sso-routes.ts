import { Router } from 'express';
import type { Response } from 'express';
import { AppError } from '@samform/model';
import { STAFF_SCOPES } from '../auth/e-id-claims.ts';
import type { OidcLogin } from '../auth/oidc-login.ts';
import { savePendingLogin, takePendingLogin } from '../auth/pending-login.ts';
import { staffAccountForSso } from '../auth/staff-sso.ts';
import { logOf } from '../http/request-context.ts';
import { pathParam } from '../http/path-param.ts';
import { originOf } from '../pages/e-id-routes.ts';
import { recordSsoLogin } from '../services/login-audit.ts';
import { requireTenant } from '../services/tenant-service.ts';
import type { RouteDeps } from './route-deps.ts';

/** One tenant's single sign-on for staff. */
export interface TenantSso {
  login: OidcLogin;
}

/** The callback path registered at each tenant's identity provider. */
export const STAFF_SSO_CALLBACK_PATH = '/api/auth/sso/callback';

const REFUSED = {
  'no-username': 'Kommunens konto saknar användarnamn, så det kan inte kopplas till ett Samform-konto. / The municipal account has no username to link to a Samform account.',
  unknown: 'Det finns inget Samform-konto för ditt kommunkonto. Be kommunens administratör att lägga upp dig. / There is no Samform account for your municipal account. Ask your municipality’s administrator to add you.',
  'not-in-tenant': 'Ditt Samform-konto hör inte till den här kommunen. / Your Samform account does not belong to this municipality.',
} as const;

function refuse(res: Response, status: number, message: string): void {
  // A browser lands here from the identity provider: a readable page, not JSON.
  res.status(status).type('text/plain; charset=utf-8').send(message);
}

/**
 * GET /auth/sso: the tenants whose staff can log in with their municipality's account;
 * GET /auth/sso/:tenant/login: start it; GET /auth/sso/callback: map the login to an existing
 * staff account of that tenant (unknown: 403) and start a staff session under a new id.
 */
export function staffSsoRoutes(deps: RouteDeps, sso: { [tenant: string]: TenantSso }): Router {
  const router = Router();

  router.get('/auth/sso', async (_req, res) => {
    const tenants = [];
    for (const id of Object.keys(sso).sort()) {
      const tenant = await deps.store.getTenant(id);
      if (tenant !== null) tenants.push({ id: tenant.id, name: tenant.name });
    }
    res.json({ tenants });
  });

  router.get('/auth/sso/:tenant/login', async (req, res) => {
    const services = deps.services(res);
    const tenant = await requireTenant(services, pathParam(req, 'tenant'));
    const settings = Object.hasOwn(sso, tenant.id) ? sso[tenant.id] : undefined;
    if (settings === undefined) throw new AppError('sso-not-configured', 404, `${tenant.name} has no single sign-on for staff.`);
    const { url, pending } = await settings.login.begin({ redirectUri: `${originOf(req)}${STAFF_SSO_CALLBACK_PATH}`, scope: STAFF_SCOPES });
    await savePendingLogin(services.store, req, res, { purpose: 'staff', tenant: tenant.id, returnTo: '/staff', oidc: pending }, services.clock());
    res.redirect(303, url.href);
  });

  router.get('/auth/sso/callback', async (req, res) => {
    const services = deps.services(res);
    const pending = await takePendingLogin(services.store, req, res, services.clock());
    const settings = pending !== null && pending.purpose === 'staff' && Object.hasOwn(sso, pending.tenant) ? sso[pending.tenant] : undefined;
    if (pending === null || settings === undefined) return refuse(res, 400, 'Inloggningen hade gått ut eller startades inte här. Försök igen. / The login had expired or was not started here. Try again.');
    if (req.query.error === 'access_denied') {
      await recordSsoLogin(services, pending.tenant, { ok: false, reason: 'access-denied' });
      return void res.redirect(303, '/staff');
    }
    let claims;
    try {
      const query = req.originalUrl.indexOf('?');
      claims = await settings.login.finish(new URL(`${pending.oidc.redirectUri}${query < 0 ? '' : req.originalUrl.slice(query)}`), pending.oidc);
    } catch (error) {
      logOf(res).warn({ err: error, tenant: pending.tenant }, 'staff SSO login failed');
      await recordSsoLogin(services, pending.tenant, { ok: false, reason: 'provider-error' });
      return refuse(res, 400, 'Inloggningen kunde inte slutföras. Försök igen. / The login could not be completed. Try again.');
    }
    const account = await staffAccountForSso(deps.store, pending.tenant, claims);
    if (!account.ok) {
      logOf(res).warn({ tenant: pending.tenant, reason: account.reason }, 'staff SSO login refused');
      const username = typeof claims.preferred_username === 'string' ? claims.preferred_username : typeof claims.email === 'string' ? claims.email : undefined;
      await recordSsoLogin(services, pending.tenant, { ok: false, reason: account.reason, ...(username === undefined ? {} : { username }) });
      return refuse(res, 403, REFUSED[account.reason]);
    }
    await deps.staffAuth.logInAs(req, account.user);
    await recordSsoLogin(services, pending.tenant, { ok: true, user: account.user });
    res.redirect(303, pending.returnTo);
  });

  return router;
}
