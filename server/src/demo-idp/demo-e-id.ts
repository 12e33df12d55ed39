import { randomBytes } from 'node:crypto';
import type { OidcClientSettings } from '../auth/oidc-login.ts';
import { E_ID_CALLBACK_PATH } from '../pages/e-id-routes.ts';
import { demoRedirectUris, startDemoIdp } from './start-demo-idp.ts';
import type { RunningDemoIdp } from './start-demo-idp.ts';

/** The demo IdP with Samform registered as its e-ID client, and the settings to reach it. */
export interface DemoEId {
  idp: RunningDemoIdp;
  citizenEId: OidcClientSettings;
}

/**
 * Start the demo IdP for a Samform listening on `samformPort` (on this machine): the citizen
 * e-ID client with a secret made for this run.
 */
export async function startDemoEIdP(options: { samformPort: number; host?: string; port?: number }): Promise<DemoEId> {
  const citizen = { clientId: 'samform-e-id', clientSecret: randomBytes(24).toString('base64url') };
  const idp = await startDemoIdp({
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    clients: [{ ...citizen, redirectUris: demoRedirectUris(options.samformPort, E_ID_CALLBACK_PATH), personas: 'citizen', name: 'Samform (e-tjänster)' }],
  });
  return { idp, citizenEId: { issuer: idp.issuer, ...citizen } };
}
