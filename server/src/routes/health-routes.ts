import { Router } from 'express';
import type { RouteDeps } from './route-deps.ts';

/** GET /api/health: up, and on which store. */
export function healthRoutes(deps: RouteDeps): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', store: deps.store.kind });
  });
  return router;
}
