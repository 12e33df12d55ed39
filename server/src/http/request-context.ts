import type { Response } from 'express';
import type { Logger } from 'pino';
import type { Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';

/** What the middleware learns about a request, kept on `res.locals` under typed accessors. */
interface RequestContext {
  requestId: string;
  log: Logger;
  tenant: Tenant;
  actor: Actor;
}

function get<K extends keyof RequestContext>(res: Response, key: K): RequestContext[K] {
  const value = (res.locals as Partial<RequestContext>)[key];
  if (value === undefined) throw new Error(`request context "${key}" is not set; is its middleware mounted?`);
  return value;
}

/** Store one part of the request context. */
export function setContext<K extends keyof RequestContext>(res: Response, key: K, value: RequestContext[K]): void {
  (res.locals as Partial<RequestContext>)[key] = value;
}

/** The tenant named in the path, loaded by the tenant middleware. */
export const tenantOf = (res: Response): Tenant => get(res, 'tenant');
/** The actor resolved for the tenant in the path. */
export const actorOf = (res: Response): Actor => get(res, 'actor');
/** The request's child logger (carries the request id). */
export const logOf = (res: Response): Logger => get(res, 'log');
/** The request id, also sent as X-Request-Id. */
export const requestIdOf = (res: Response): string => get(res, 'requestId');
