import * as client from 'openid-client';

/** How to reach one OpenID Connect provider as one client. */
export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** What must survive the round trip to the provider, kept server-side until the callback. */
export interface PendingOidc {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

/** The person a provider vouched for: the ID token's claims merged with userinfo. */
export type OidcClaims = { sub: string } & { [claim: string]: unknown };

/** One relying party: starts logins and checks their callbacks (code + PKCE + state + nonce). */
export interface OidcLogin {
  /** The provider's authorization address and what to keep for the callback. */
  begin(input: { redirectUri: string; scope: string }): Promise<{ url: URL; pending: PendingOidc }>;
  /** Redeem the callback's code; throws on a wrong state, nonce, code or an error answer. */
  finish(callbackUrl: URL, pending: PendingOidc): Promise<OidcClaims>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * An openid-client v6 relying party. Discovery happens at the first login (and is retried after
 * a failure), so a provider that is down at start-up does not stop the server. Plain HTTP is
 * allowed only for a provider on this machine (the demo IdP).
 */
export function createOidcLogin(settings: OidcClientSettings): OidcLogin {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= (async () => {
      const issuer = new URL(settings.issuer);
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
      return client.discovery(issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), insecure ? { execute: [client.allowInsecureRequests] } : undefined);
    })();
    discovered.catch(() => (discovered = undefined));
    return discovered;
  };

  return {
    async begin({ redirectUri, scope }) {
      const config = await configuration();
      const pending: PendingOidc = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), redirectUri };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        // Every login is a fresh identification: a session left at the provider never logs the next person in.
        prompt: 'login',
      });
      return { url, pending };
    },

    async finish(callbackUrl, pending) {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      }, { redirect_uri: pending.redirectUri });
      const idClaims = tokens.claims();
      if (idClaims === undefined) throw new Error('The provider sent no ID token.');
      // Scoped claims (personnummer, email) come from userinfo when an access token is issued.
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      return { ...userInfo, ...idClaims } as OidcClaims;
    },
  };
}
