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

/**
 * An e-ID login ends after this long without activity (WCAG 2.2.1: the form page warns and lets
 * the citizen extend): short on a shared computer, and each step or extension starts it anew.
 */
export const DEFAULT_EID_IDLE_MS = 20 * 60_000;

/** Whatever the activity, an e-ID login ends this long after it began (a forgotten tab on a shared computer). */
export const EID_MAX_AGE_MS = 8 * 60 * 60_000;

// Activity is written at most this often, so a page is not a store write per request; the
// reported end is then at most this much early, never late.
const TOUCH_EVERY_MS = 30_000;

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
  /** How long this login lasts without activity (set when it is read back, for the page to say). */
  idleMs?: number;
}

/** When a login ends if nothing happens, and how long it lasts without activity. */
export interface CitizenLoginTimes {
  expiresAt: Date;
  idleSeconds: number;
}

// The stored login: the identity and its clock (ms since the epoch), so each login carries its
// own idle length and every reader can compute its end without the server's settings.
interface StoredLogin {
  login: CitizenLogin;
  signedInAt: number;
  lastActiveAt: number;
  idleMs: number;
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
 * becomes a login) and end any earlier one server-side. It lasts `idleMs` without activity, and
 * EID_MAX_AGE_MS at most.
 */
export async function startCitizenLogin(store: Store, req: Request, res: Response, login: CitizenLogin, now: Date, idleMs: number = DEFAULT_EID_IDLE_MS): Promise<void> {
  const old = readCookie(req, CITIZEN_LOGIN_COOKIE, COOKIE_VALUE);
  if (old !== undefined) await store.destroySession(keyOf(old));
  const id = randomBytes(32).toString('base64url');
  const at = now.getTime();
  await write(store, keyOf(id), { login, signedInAt: at, lastActiveAt: at, idleMs });
  // The cookie may outlive an idle login; the server decides, so it is kept as long as the cap.
  res.cookie(CITIZEN_LOGIN_COOKIE, id, sessionCookieOptions(req, EID_MAX_AGE_MS));
}

function endOf(stored: StoredLogin): number {
  return Math.min(stored.lastActiveAt + stored.idleMs, stored.signedInAt + EID_MAX_AGE_MS);
}

function write(store: Store, key: string, stored: StoredLogin): Promise<void> {
  return store.setSession(key, { data: stored as unknown as { [key: string]: JsonValue }, expiresAt: new Date(endOf(stored)).toISOString() });
}

async function read(store: Store, req: Request, now: Date): Promise<{ key: string; stored: StoredLogin } | null> {
  const id = readCookie(req, CITIZEN_LOGIN_COOKIE, COOKIE_VALUE);
  if (id === undefined) return null;
  const key = keyOf(id);
  const found = await store.getSession(key, now);
  if (found === null) return null;
  const stored = found.data as unknown as Partial<StoredLogin>;
  // A login stored before idle time-outs existed (an hour, no clock) is treated as ended.
  if (typeof stored.login !== 'object' || typeof stored.signedInAt !== 'number' || typeof stored.lastActiveAt !== 'number' || typeof stored.idleMs !== 'number') return null;
  return { key, stored: stored as StoredLogin };
}

function timesOf(stored: StoredLogin): CitizenLoginTimes {
  return { expiresAt: new Date(endOf(stored)), idleSeconds: Math.round(stored.idleMs / 1000) };
}

/**
 * The request's citizen login, or null (none, idle too long, too old, or ended). Reading it
 * counts as activity and keeps the login alive, unless `touch` is false (an automatic save).
 */
export async function citizenLoginOf(store: Store, req: Request, now: Date, options: { touch?: boolean } = {}): Promise<CitizenLogin | null> {
  const found = await read(store, req, now);
  if (found === null) return null;
  const { key, stored } = found;
  if (options.touch !== false && now.getTime() - stored.lastActiveAt >= Math.min(TOUCH_EVERY_MS, stored.idleMs / 10)) {
    await write(store, key, { ...stored, lastActiveAt: now.getTime() });
  }
  return { ...stored.login, idleMs: stored.idleMs };
}

/** When the request's login ends if nothing happens; null without one. Asking is not activity. */
export async function citizenLoginTimes(store: Store, req: Request, now: Date): Promise<CitizenLoginTimes | null> {
  const found = await read(store, req, now);
  return found === null ? null : timesOf(found.stored);
}

/** Count activity now (the warning's "Extend"): the login's new end, or null without one. The cap still holds. */
export async function extendCitizenLogin(store: Store, req: Request, now: Date): Promise<CitizenLoginTimes | null> {
  const found = await read(store, req, now);
  if (found === null) return null;
  const stored = { ...found.stored, lastActiveAt: now.getTime() };
  await write(store, found.key, stored);
  return timesOf(stored);
}

/** End the login server-side and clear its cookie. */
export async function endCitizenLogin(store: Store, req: Request, res: Response): Promise<void> {
  const id = readCookie(req, CITIZEN_LOGIN_COOKIE, COOKIE_VALUE);
  if (id !== undefined) await store.destroySession(keyOf(id));
  res.clearCookie(CITIZEN_LOGIN_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
}
