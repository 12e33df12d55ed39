import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { JsonValue } from '@samform/model';
import type { Store } from '@samform/store';

/** The anonymous citizen's cookie: a random id naming this browser's drafts and receipts. */
export const CITIZEN_COOKIE = 'samform.citizen';

/** Drafts and receipts are kept this long after the browser last used them. */
export const CITIZEN_TTL_MS = 24 * 60 * 60 * 1000;

/** A receipt list is bounded, so one browser cannot grow its record without end. */
const MAX_RECEIPTS = 20;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

/** One e-service being filled in: the version it started on (it stays on it) and the answers so far. */
export interface Draft {
  owner: string;
  serviceId: string;
  version: number;
  /** Random per draft; with the answers it names the send, so a resend files one case. */
  id: string;
  answers: { [key: string]: JsonValue };
}

/** A receipt this browser got, so its page can be shown again. */
export interface KeptReceipt {
  tenant: string;
  /** The id the tenant serves the e-service under. */
  service: string;
  owner: string;
  serviceId: string;
  version: number;
  id: string;
  reference: string;
  receivedAt: string;
  queue: string;
}

/** What the server keeps for one browser. */
export interface CitizenData {
  drafts: { [tenantAndService: string]: Draft };
  receipts: KeptReceipt[];
  /**
   * Who last logged in with e-ID on this record (a hash of issuer and subject): another
   * person's login on the same browser starts from an empty record, never from the drafts,
   * with a personnummer, of the one before.
   */
  loginOwner?: string;
}

/** A citizen's record as loaded for one request; `save` writes it back and renews cookie and expiry. */
export interface CitizenRecord {
  data: CitizenData;
  /** When the stored record ends unless used again; null when this browser has none. */
  expiresAt: string | null;
  save(): Promise<void>;
}

/** The key of a draft in the record. */
export function draftKey(tenant: string, service: string): string {
  return `${tenant}/${service}`;
}

function cookieOf(req: Request): string | undefined {
  const header = req.get('cookie');
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CITIZEN_COOKIE) {
      const value = rest.join('=');
      return COOKIE_VALUE.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** True when the request carries a well-formed citizen cookie (this browser may have a record). */
export function hasCitizenCookie(req: Request): boolean {
  return cookieOf(req) !== undefined;
}

// Only a hash of the cookie is stored, so a read of the store does not give working cookies.
function sessionKey(id: string): string {
  return `citizen:${createHash('sha256').update(id).digest('hex')}`;
}

function parse(data: { [key: string]: JsonValue } | undefined): CitizenData {
  const drafts = data?.drafts;
  const receipts = data?.receipts;
  const loginOwner = data?.loginOwner;
  return {
    drafts: drafts !== null && typeof drafts === 'object' && !Array.isArray(drafts) ? (drafts as unknown as CitizenData['drafts']) : {},
    receipts: Array.isArray(receipts) ? (receipts as unknown as KeptReceipt[]) : [],
    ...(typeof loginOwner === 'string' ? { loginOwner } : {}),
  };
}

/** The hash a record keeps of the e-ID login that took it. */
export function loginOwnerOf(login: { issuer: string; subject: string }): string {
  return createHash('sha256').update(`${login.issuer}\n${login.subject}`).digest('hex');
}

function stored(data: CitizenData): { [key: string]: JsonValue } {
  return {
    drafts: data.drafts as unknown as JsonValue,
    receipts: data.receipts as unknown as JsonValue,
    ...(data.loginOwner === undefined ? {} : { loginOwner: data.loginOwner }),
  };
}

/**
 * This browser's record: drafts and receipts, kept with the store's sessions for 24 hours after
 * last use. Without a cookie the record is empty; the cookie is set on the first `save`.
 */
export async function loadCitizenRecord(store: Store, req: Request, res: Response, now: Date): Promise<CitizenRecord> {
  const existing = cookieOf(req);
  const found = existing === undefined ? null : await store.getSession(sessionKey(existing), now);
  const data = parse(found?.data);
  const record: CitizenRecord = {
    data,
    expiresAt: found?.expiresAt ?? null,
    async save() {
      const id = found === null ? randomBytes(32).toString('base64url') : existing!;
      if (data.receipts.length > MAX_RECEIPTS) data.receipts.splice(0, data.receipts.length - MAX_RECEIPTS);
      const expiresAt = new Date(now.getTime() + CITIZEN_TTL_MS).toISOString();
      await store.setSession(sessionKey(id), {
        data: stored(data),
        expiresAt,
      });
      record.expiresAt = expiresAt;
      res.cookie(CITIZEN_COOKIE, id, {
        httpOnly: true,
        sameSite: 'lax',
        // Secure everywhere except on the developer's own machine, which speaks plain HTTP.
        secure: !LOOPBACK_HOSTS.has(req.hostname),
        path: '/',
        maxAge: CITIZEN_TTL_MS,
      });
    },
  };
  return record;
}

/** Keep a receipt in the record and end the draft it came from. */
export function keepReceipt(data: CitizenData, receipt: KeptReceipt): void {
  delete data.drafts[draftKey(receipt.tenant, receipt.service)];
  data.receipts = [...data.receipts.filter((kept) => kept.reference !== receipt.reference), receipt];
}

/**
 * Move this browser's record to a new cookie id (at e-ID login of `owner`, see `loginOwnerOf`):
 * a citizen cookie planted before the login never sees the drafts, with personnummer, filled
 * in after it. Drafts made before any login stay (the citizen logged in to go on); a record
 * another person's login took is emptied, since its login may have ended without a logout.
 */
export async function renewCitizenRecord(store: Store, req: Request, res: Response, now: Date, owner: string): Promise<void> {
  const existing = cookieOf(req);
  if (existing === undefined) return;
  const found = await store.getSession(sessionKey(existing), now);
  await store.destroySession(sessionKey(existing));
  if (found === null) return;
  const before = parse(found.data);
  const data: CitizenData = before.loginOwner === undefined || before.loginOwner === owner ? { ...before, loginOwner: owner } : { drafts: {}, receipts: [], loginOwner: owner };
  const id = randomBytes(32).toString('base64url');
  await store.setSession(sessionKey(id), { data: stored(data), expiresAt: new Date(now.getTime() + CITIZEN_TTL_MS).toISOString() });
  res.cookie(CITIZEN_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure: !LOOPBACK_HOSTS.has(req.hostname), path: '/', maxAge: CITIZEN_TTL_MS });
}

/** Forget this browser's drafts and receipts (at e-ID logout: the computer may be shared). */
export async function forgetCitizenRecord(store: Store, req: Request, res: Response): Promise<void> {
  const existing = cookieOf(req);
  if (existing !== undefined) await store.destroySession(sessionKey(existing));
  res.clearCookie(CITIZEN_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
}
