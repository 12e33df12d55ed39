import type { Request } from 'express';

/** The value of one cookie of the request when it matches `valid`; undefined otherwise. */
export function readCookie(req: Request, name: string, valid: RegExp): string | undefined {
  const header = req.get('cookie');
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      const value = rest.join('=');
      return valid.test(value) ? value : undefined;
    }
  }
  return undefined;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Cookie options for a server-side session: HttpOnly, SameSite=Lax, Secure except on the developer's own machine. */
export function sessionCookieOptions(req: Request, maxAge: number): { httpOnly: true; sameSite: 'lax'; secure: boolean; path: '/'; maxAge: number } {
  return { httpOnly: true, sameSite: 'lax', secure: !LOOPBACK_HOSTS.has(req.hostname), path: '/', maxAge };
}
