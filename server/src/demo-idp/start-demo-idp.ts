import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { PERSONAL_NUMBER_CLAIM, PERSONAL_NUMBER_SCOPE, PROTECTED_IDENTITY_CLAIM } from '../auth/e-id-claims.ts';
import { DEMO_PERSONAS } from './demo-personas.ts';
import { memoryAdapterFactory } from './memory-adapter.ts';
import type { DemoPersona } from './demo-personas.ts';
import { DEMO_IDP_CSS, demoIdpErrorPage, personaPickerPage } from './persona-page.ts';

/** A relying party the demo IdP knows: Samform's citizen login or a tenant's staff login. */
export interface DemoIdpClient {
  clientId: string;
  clientSecret: string;
  /** Exact callback addresses (each loopback spelling the browser may use). */
  redirectUris: string[];
  /** Which personas its picker offers. */
  personas: DemoPersona['kind'];
  /** Shown on the picker: who asks for the login. */
  name: string;
}

/** A running demo IdP. */
export interface RunningDemoIdp {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

/** Where Samform's own callbacks live, for the clients of a server at `origins`. */
export function demoRedirectUris(port: number, path: string): string[] {
  return ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${port}${path}`);
}

const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]{1,64})(\/abort)?$/;
// No form-action: Chromium applies it to the redirects after the picker's post too, and the
// last of those goes to Samform's callback on another origin.
const PAGE_CSP = "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Start a local OpenID Connect provider (oidc-provider) that stands in for the e-ID broker and
 * a municipality's identity provider in demo mode and tests. Anyone can log in as any test
 * persona: it must never run outside demo mode or tests.
 */
export async function startDemoIdp(options: { host?: string; port?: number; clients: DemoIdpClient[] }): Promise<RunningDemoIdp> {
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (handle) handle(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? 'localhost', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host === undefined || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const provider = new Provider(issuer, configuration(options.clients));
  const callback = provider.callback();
  const clientsById = new Map(options.clients.map((c) => [c.clientId, c]));

  handle = (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/demo-idp.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' }).end(DEMO_IDP_CSS);
      return;
    }
    const match = INTERACTION.exec(url.pathname);
    if (match === null) return void callback(req, res);
    interaction(req, res, match[2] !== undefined).catch((error: unknown) => {
      if (!res.headersSent) sendPage(res, 400, demoIdpErrorPage('invalid_request', error instanceof Error ? error.message : undefined));
    });
  };

  async function interaction(req: IncomingMessage, res: ServerResponse, abort: boolean): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const client = clientsById.get(String(details.params.client_id));
    if (client === undefined) throw new Error('unknown client');
    const personas = DEMO_PERSONAS.filter((p) => p.kind === client.personas);
    if (req.method === 'GET') return sendPage(res, 200, personaPickerPage(details.uid, personas, client.name));
    if (req.method !== 'POST') return sendPage(res, 405, demoIdpErrorPage('method_not_allowed', undefined));
    if (abort) {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The person cancelled the login.' }, { mergeWithLastSubmission: false });
    }
    const form = new URLSearchParams(await readBody(req));
    const persona = personas.find((p) => p.id === form.get('persona'));
    if (persona === undefined) return sendPage(res, 400, demoIdpErrorPage('invalid_request', 'Välj en testperson.'));
    const grant = new provider.Grant({ accountId: persona.id, clientId: client.clientId });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: persona.id }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function configuration(clients: DemoIdpClient[]): Configuration {
  // Fresh keys per start: nothing signed by a demo IdP outlives it.
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  return {
    adapter: memoryAdapterFactory(),
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    async findAccount(_ctx, id) {
      const persona = DEMO_PERSONAS.find((p) => p.id === id);
      if (persona === undefined) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...persona.claims }) };
    },
    scopes: ['openid', 'profile', 'email', PERSONAL_NUMBER_SCOPE],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username', 'country'],
      email: ['email', 'email_verified'],
      [PERSONAL_NUMBER_SCOPE]: [PERSONAL_NUMBER_CLAIM, PROTECTED_IDENTITY_CLAIM],
    },
    pkce: { required: () => true },
    // Short lives (seconds): a demo login is used at once.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: { keys: [{ ...signingKey, use: 'sig', kid: randomBytes(8).toString('hex') }] as never },
    // The persona picker is the whole login: a grant made there is the only consent needed.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      return grantId === undefined ? undefined : ctx.oidc.provider.Grant.find(grantId);
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.set('content-security-policy', PAGE_CSP);
      ctx.body = demoIdpErrorPage(String(out.error), typeof out.error_description === 'string' ? out.error_description : undefined);
    },
  };
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_CSP,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 16_384) return void req.destroy(new Error('The form is too large.'));
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
