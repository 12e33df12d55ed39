import { Router } from 'express';
import type { Request } from 'express';
import { AppError } from '@samform/model';
import { actorOf, tenantOf } from '../http/request-context.ts';
import { listAuditLog } from '../services/audit-service.ts';
import { guard } from './guard.ts';
import type { RouteDeps } from './route-deps.ts';

function query(req: Request, name: string, pattern: RegExp, message: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) throw new AppError('invalid-query', 400, message);
  return value;
}

/** GET /audit?kind=&before=&limit=: the tenant's audit log, newest first, for its auditors and administrators. */
export function auditRoutes(deps: RouteDeps): Router {
  const router = Router({ mergeParams: true });
  router.get('/audit', guard(deps, 'audit:read'), async (req, res) => {
    for (const key of Object.keys(req.query)) {
      if (!['kind', 'before', 'limit'].includes(key)) throw new AppError('invalid-query', 400, `Unknown query parameter "${key.slice(0, 40)}".`);
    }
    const kind = query(req, 'kind', /^[a-z][a-z0-9-]{0,63}$/, 'kind must be an audit kind such as "login".');
    const before = query(req, 'before', /^[\x21-\x7e]{1,100}$/, 'before must be the id of an entry.');
    const limit = query(req, 'limit', /^(?:[1-9]\d{0,1}|[1-4]\d\d|500)$/, 'limit must be a whole number from 1 to 500.');
    res.json(
      await listAuditLog(deps.services(res), actorOf(res), {
        tenant: tenantOf(res),
        ...(kind === undefined ? {} : { kind }),
        ...(before === undefined ? {} : { before }),
        ...(limit === undefined ? {} : { limit: Number(limit) }),
      }),
    );
  });
  return router;
}
