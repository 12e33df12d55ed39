import { randomBytes } from 'node:crypto';
import type { OidcClientSettings } from '../auth/oidc-login.ts';
import { E_ID_CALLBACK_PATH } from '../pages/e-id-routes.ts';
import { STAFF_SSO_CALLBACK_PATH } from '../routes/staff-sso-routes.ts';
import { demoRedirectUris, startDemoIdp } from './start-demo-idp.ts';
import type { RunningDemoIdp } from './start-demo-idp.ts';

/** The demo IdP with Samform registered as its e-ID client, and the settings to reach it. */
export interface DemoEId {
  idp: RunningDemoIdp;
  citizenEId: OidcClientSettings;
  /** Östersund's staff log in through the same demo IdP, as if it were the municipality's own. */
  staffSso: { [tenant: string]: OidcClientSettings };
}

/**
 * Start the demo IdP for a Samform listening on `samformPort` (on this machine): the citizen
 * e-ID client and Östersund's staff SSO client, with secrets made for this run.
 */
export async function startDemoEIdP(options: { samformPort: number; host?: string; port?: number }): Promise<DemoEId> {
  const citizen = { clientId: 'samform-e-id', clientSecret: randomBytes(24).toString('base64url') };
  const ostersund = { clientId: 'samform-staff-ostersund', clientSecret: randomBytes(24).toString('base64url') };
  const idp = await startDemoIdp({
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    clients: [
      { ...citizen, redirectUris: demoRedirectUris(options.samformPort, E_ID_CALLBACK_PATH), personas: 'citizen', name: 'Samform (e-tjänster)' },
      { ...ostersund, redirectUris: demoRedirectUris(options.samformPort, STAFF_SSO_CALLBACK_PATH), personas: 'staff', name: 'Samform, Östersunds kommun (personal)' },
    ],
  });
  return { idp, citizenEId: { issuer: idp.issuer, ...citizen }, staffSso: { ostersund: { issuer: idp.issuer, ...ostersund } } };
}
