/** A signed-in staff session against a running Samform, the way its own pages talk to it. */
export interface SamformSession {
  url: string;
  username: string;
  /** The tenants whose e-services this user may edit and publish (designer or admin). */
  designs: ReadonlySet<string>;
  /** One API call; `body` is sent as JSON. Answers the status and the raw text. */
  request(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }>;
}

const DESIGN_ROLES = new Set(['designer', 'admin']);

/** Thrown when the sign-in fails; the CLI prints its message. */
export class SignInError extends Error {}

/**
 * Sign in with `POST /api/auth/login` and keep the `samform.sid` cookie. Every request sends
 * `Origin: <url>`, because the server refuses state-changing requests without proof of origin.
 */
export async function signIn(url: string, username: string, password: string): Promise<SamformSession> {
  const base = url.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  let response: Response;
  try {
    response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ username, password }),
    });
  } catch (error) {
    throw new SignInError(`cannot reach ${base}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  if (response.status !== 200) throw new SignInError(`sign-in of ${username} at ${base} answered ${response.status} ${errorCode(text)}`.trimEnd());
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('samform.sid='))
    ?.split(';')[0];
  if (cookie === undefined) throw new SignInError(`sign-in of ${username} at ${base} set no samform.sid cookie`);
  const roles = (JSON.parse(text) as { user?: { tenantRoles?: Record<string, string[]> } }).user?.tenantRoles ?? {};
  const designs = new Set(Object.entries(roles).filter(([, r]) => r.some((role) => DESIGN_ROLES.has(role))).map(([tenant]) => tenant));

  return {
    url: base,
    username,
    designs,
    async request(method, path, body) {
      const answer = await fetch(`${base}${path}`, {
        method,
        headers: { cookie, origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: answer.status, text: await answer.text() };
    },
  };
}

/** The `code` of an error answer, or nothing when the text is not one. */
export function errorCode(text: string): string {
  try {
    const code = (JSON.parse(text) as { code?: unknown }).code;
    return typeof code === 'string' ? code : '';
  } catch {
    return '';
  }
}
