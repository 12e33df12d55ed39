import type { Request, RequestHandler } from 'express';
import { AppError } from '@samform/model';
import { STATE_CHANGING, isCrossSite, isSameOrigin } from './same-origin.ts';

const BEARER = /^Bearer\s/i;

/**
 * Why a state-changing request must be refused as a cross-site forgery, or undefined when it may
 * pass. Any request a browser marks as sent from another site is refused. A request that carries
 * a cookie (a staff session, a citizen's drafts, an e-ID session) must also prove that it comes
 * from our own pages (Sec-Fetch-Site or Origin), since the cookie is what a forged request would
 * ride on. An API key in Authorization is exempt: no other site can make a browser send it.
 */
export function csrfRefusal(req: Request, allowedOrigins: readonly string[]): AppError | undefined {
  if (!STATE_CHANGING.has(req.method)) return undefined;
  if (BEARER.test(req.get('authorization') ?? '')) return undefined;
  const cookie = req.get('cookie');
  const withCookie = cookie !== undefined && cookie.trim() !== '';
  if (isCrossSite(req, allowedOrigins) || (withCookie && !isSameOrigin(req, allowedOrigins))) {
    return new AppError('cross-origin', 403, 'This request must come from the Samform pages themselves.');
  }
  return undefined;
}

/** Refuse cross-site forgeries of state-changing requests (see `csrfRefusal`). */
export function csrfGuard(allowedOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => next(csrfRefusal(req, allowedOrigins));
}
