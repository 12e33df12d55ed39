import type { EffectiveService, LocalText, SubmissionError } from '@samform/model';
import type { Receipt, SubmitResult } from '@samform/renderer';

/** A municipality or collaboration, as GET /api/tenants lists it. */
export interface TenantSummary {
  id: string;
  name: string;
  kind: 'municipality' | 'collaboration';
  memberOf: string[];
}

/** One e-service of a municipality's list; `description` and `category` when the server gives them. */
export interface ServiceSummary {
  id: string;
  version: number;
  title: LocalText;
  owner: string;
  shared: boolean;
  description?: LocalText;
  category?: string;
}

/** A failed API call with its HTTP status (0 when the server could not be reached). */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function getJson<T>(path: string, locale: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json', 'accept-language': locale } });
  if (!response.ok) throw new ApiError(response.status, `${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** Every municipality and collaboration. */
export function fetchTenants(locale: string): Promise<TenantSummary[]> {
  return getJson('/api/tenants', locale);
}

/** The e-services a municipality offers. */
export function fetchServices(tenant: string, locale: string): Promise<ServiceSummary[]> {
  return getJson(`/api/t/${encodeURIComponent(tenant)}/services`, locale);
}

/** One e-service as the municipality serves it. */
export function fetchService(tenant: string, service: string, locale: string): Promise<EffectiveService> {
  return getJson(`/api/t/${encodeURIComponent(tenant)}/services/${encodeURIComponent(service)}`, locale);
}

/**
 * Sends answers once: the same Idempotency-Key for retries of one attempt makes the server
 * answer the first receipt instead of filing the case twice.
 */
export async function submitAnswers(tenant: string, service: string, data: unknown, locale: string, idempotencyKey: string, version?: number): Promise<SubmitResult> {
  const url = `/api/t/${encodeURIComponent(tenant)}/services/${encodeURIComponent(service)}/submissions?lang=${locale}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': locale, 'idempotency-key': idempotencyKey },
      // The version the form was filled in on: a draft stays on it when a newer one is published.
      body: JSON.stringify(version === undefined ? { data } : { data, version }),
    });
  } catch {
    return { ok: false, errors: [] };
  }
  if (response.status === 201 || response.status === 200) return { ok: true, receipt: (await response.json()) as Receipt };
  if (response.status === 422) {
    const body = (await response.json().catch(() => ({}))) as { errors?: SubmissionError[] };
    return { ok: false, errors: body.errors ?? [] };
  }
  return { ok: false, errors: [] };
}

/** When this browser's saved answers end unless used (asking does not extend them); null without any. */
export async function citizenSessionEnd(): Promise<string | null> {
  const response = await fetch('/api/citizen/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`session: ${response.status}`);
  return ((await response.json()) as { expiresAt: string | null }).expiresAt;
}

/** Keep this browser's saved answers longer; their new end, or null when there are none. */
export async function extendCitizenSession(): Promise<string | null> {
  const response = await fetch('/api/citizen/session/extend', { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`extend: ${response.status}`);
  return ((await response.json()) as { expiresAt: string | null }).expiresAt;
}

/** When the e-ID login ends unless used (asking does not extend it); null when not logged in. */
export async function eIdSessionEnd(): Promise<string | null> {
  const response = await fetch('/api/citizen/e-id/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`e-ID session: ${response.status}`);
  return ((await response.json()) as { expiresAt: string | null }).expiresAt;
}

/** Keep the e-ID login (within its cap); its new end, or null when it has already ended. */
export async function extendEIdSession(): Promise<string | null> {
  const response = await fetch('/api/citizen/e-id/session/extend', { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`extend: ${response.status}`);
  return ((await response.json()) as { expiresAt: string | null }).expiresAt;
}

const earlier = (a: string, b: string | null): string => (b !== null && Date.parse(b) < Date.parse(a) ? b : a);

/**
 * A logged-in citizen's time limit: whichever ends first, the e-ID login or the saved answers;
 * null once the login has ended (the answers alone do not keep the form open).
 */
export async function loggedInSessionEnd(): Promise<string | null> {
  const [login, answers] = await Promise.all([eIdSessionEnd(), citizenSessionEnd()]);
  return login === null ? null : earlier(login, answers);
}

/** Extend both the e-ID login and the saved answers; the earlier new end, or null when the login has ended. */
export async function extendLoggedInSession(): Promise<string | null> {
  const login = await extendEIdSession();
  if (login === null) return null;
  return earlier(login, await extendCitizenSession());
}
