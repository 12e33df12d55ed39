import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { JsonValue } from '@samform/model';
import type { Store } from '@samform/store';
import { readCookie, sessionCookieOptions } from '../http/read-cookie.ts';
import type { PendingOidc } from './oidc-login.ts';

/** The cookie naming a login on its way through the provider. */
export const PENDING_LOGIN_COOKIE = 'samform.login';

/** A login may take this long at the provider. */
const PENDING_TTL_MS = 10 * 60 * 1000;
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

/** A login started here and not yet back: who it is for and where it returns. */
export interface PendingLogin {
  purpose: 'citizen' | 'staff';
  tenant: string;
  /** A local path (checked before it is kept). */
  returnTo: string;
  oidc: PendingOidc;
}

const keyOf = (id: string): string => `login:${createHash('sha256').update(id).digest('hex')}`;

/** Keep a started login server-side under a fresh random cookie (SameSite=Lax, so the provider's redirect back carries it). */
export async function savePendingLogin(store: Store, req: Request, res: Response, pending: PendingLogin, now: Date): Promise<void> {
  const id = randomBytes(32).toString('base64url');
  await store.setSession(keyOf(id), { data: pending as unknown as { [key: string]: JsonValue }, expiresAt: new Date(now.getTime() + PENDING_TTL_MS).toISOString() });
  res.cookie(PENDING_LOGIN_COOKIE, id, sessionCookieOptions(req, PENDING_TTL_MS));
}

/** The login this browser started, used up: a callback can be redeemed once. Null when there is none (or it expired). */
export async function takePendingLogin(store: Store, req: Request, res: Response, now: Date): Promise<PendingLogin | null> {
  const id = readCookie(req, PENDING_LOGIN_COOKIE, COOKIE_VALUE);
  res.clearCookie(PENDING_LOGIN_COOKIE, { path: '/' });
  if (id === undefined) return null;
  const found = await store.getSession(keyOf(id), now);
  await store.destroySession(keyOf(id));
  return found === null ? null : (found.data as unknown as PendingLogin);
}

/**
 * A `return` address that stays on this site: one absolute path, no scheme, no host, no `//`
 * or `/\` (which browsers read as another host), no control characters. Anything else: undefined.
 */
export function localReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  try {
    return new URL(value, 'http://samform.invalid').origin === 'http://samform.invalid' ? value : undefined;
  } catch {
    return undefined;
  }
}
