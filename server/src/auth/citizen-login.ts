import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { normalizePersonnummer } from '@samform/model';
import type { JsonValue } from '@samform/model';
import type { Store } from '@samform/store';
import { readCookie, sessionCookieOptions } from '../http/read-cookie.ts';
import { PERSONAL_NUMBER_CLAIM, PROTECTED_IDENTITY_CLAIM } from './e-id-claims.ts';
import type { OidcClaims } from './oidc-login.ts';

/** The cookie of a citizen's e-ID login; the login itself is kept server-side. */
export const CITIZEN_LOGIN_COOKIE = 'samform.eid';

/** An e-ID login lasts an hour: long enough to fill in a form, short on a shared computer. */
export const CITIZEN_LOGIN_TTL_MS = 60 * 60 * 1000;

const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

/** Who a citizen logged in as, as the services see it. */
export interface CitizenLogin {
  issuer: string;
  subject: string;
  /** 12 digits YYYYMMDDNNNC (personnummer or samordningsnummer); absent for a foreign e-ID. */
  personnummer?: string;
  /** Shown to the citizen; absent with protected identity (not kept at all). */
  name?: string;
  /** Skyddade personuppgifter: nothing beyond the personnummer is kept. */
  protectedIdentity: boolean;
}

const keyOf = (id: string): string => `eid:${createHash('sha256').update(id).digest('hex')}`;

/** The login a broker's claims describe. A personnummer claim that is not a valid one is dropped. */
export function citizenLoginFromClaims(issuer: string, claims: OidcClaims): CitizenLogin {
  const number = claims[PERSONAL_NUMBER_CLAIM];
  const personnummer = typeof number === 'string' && /^\d{12}$/.test(number) ? (normalizePersonnummer(number) ?? undefined) : undefined;
  const protectedIdentity = claims[PROTECTED_IDENTITY_CLAIM] === true;
  const name = typeof claims.name === 'string' && !protectedIdentity ? claims.name.slice(0, 200) : undefined;
  return { issuer, subject: claims.sub, ...(personnummer === undefined ? {} : { personnummer }), ...(name === undefined ? {} : { name }), protectedIdentity };
}

/**
 * Start the citizen's login session under a NEW random id (a planted or earlier cookie never
 * becomes a login) and end any earlier one server-side.
 */
export async function startCitizenLogin(store: Store, req: Request, res: Response, login: CitizenLogin, now: Date): Promise<void> {
  const old = readCookie(req, CITIZEN_LOGIN_COOKIE, COOKIE_VALUE);
  if (old !== undefined) await store.destroySession(keyOf(old));
  const id = randomBytes(32).toString('base64url');
  await store.setSession(keyOf(id), { data: login as unknown as { [key: string]: JsonValue }, expiresAt: new Date(now.getTime() + CITIZEN_LOGIN_TTL_MS).toISOString() });
  res.cookie(CITIZEN_LOGIN_COOKIE, id, sessionCookieOptions(req, CITIZEN_LOGIN_TTL_MS));
}

/** The request's citizen login, or null (none, expired, or ended). */
export async function citizenLoginOf(store: Store, req: Request, now: Date): Promise<CitizenLogin | null> {
  const id = readCookie(req, CITIZEN_LOGIN_COOKIE, COOKIE_VALUE);
  if (id === undefined) return null;
  const found = await store.getSession(keyOf(id), now);
  return found === null ? null : (found.data as unknown as CitizenLogin);
}

/** End the login server-side and clear its cookie. */
export async function endCitizenLogin(store: Store, req: Request, res: Response): Promise<void> {
  const id = readCookie(req, CITIZEN_LOGIN_COOKIE, COOKIE_VALUE);
  if (id !== undefined) await store.destroySession(keyOf(id));
  res.clearCookie(CITIZEN_LOGIN_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
}
