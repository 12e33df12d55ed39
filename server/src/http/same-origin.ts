import type { Request } from 'express';

/** True when the browser says the request comes from a page of this app (or an allowed origin). */
export function isSameOrigin(req: Request, allowedOrigins: readonly string[]): boolean {
  if (req.get('sec-fetch-site') === 'same-origin') return true;
  const origin = req.get('origin');
  if (origin === undefined || origin === 'null') return false;
  if (allowedOrigins.includes(origin)) return true;
  try {
    // The host is compared, not the scheme: behind a TLS-terminating proxy the app sees http.
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

/** True when a browser says the request was sent from another site. */
export function isCrossSite(req: Request, allowedOrigins: readonly string[]): boolean {
  const site = req.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return !isSameOrigin(req, allowedOrigins);
  return req.get('origin') !== undefined && !isSameOrigin(req, allowedOrigins);
}

/** HTTP methods that change state and so need the same-origin check for cookie sessions. */
export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
