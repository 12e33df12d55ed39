import { Router } from 'express';
import { NotFoundError } from '@samform/model';
import { pathParam } from '../http/path-param.ts';
import { tenantOf } from '../http/request-context.ts';
import { getValidatorModule } from '../services/validator-module-service.ts';
import type { ValidatorModuleCache } from '../services/validator-module.ts';
import type { RouteDeps } from './route-deps.ts';

/** The path of a version's validator module under `/api/t/{tenant}`. */
export const VALIDATOR_MODULE_PATH = '/services/:service/versions/:version/validator.js';

/**
 * GET /services/:service/versions/:version/validator.js: the version's ajv standalone validator
 * as an ES module for the citizen page (which may not compile code: no `unsafe-eval`).
 * A tenant's own version never changes, so it is cached for a year; an adopted one is
 * revalidated by its ETag, since the municipality's overrides can change under the same number.
 */
export function validatorModuleRoutes(deps: RouteDeps, modules: ValidatorModuleCache): Router {
  const router = Router({ mergeParams: true });
  router.get(VALIDATOR_MODULE_PATH, async (req, res) => {
    const versionText = pathParam(req, 'version');
    if (!/^[1-9][0-9]{0,8}$/.test(versionText)) throw new NotFoundError('version-not-found', 'No such version.');
    const found = await getValidatorModule(
      { ...deps.services(res), modules },
      { tenant: tenantOf(res), serviceId: pathParam(req, 'service'), version: Number(versionText) },
    );
    if (found.state === 'failed') throw new NotFoundError('validator-not-available', 'This version has no validator module; the server checks the answers.');
    if (found.state !== 'ready') {
      res.setHeader('Retry-After', '5');
      res.status(503).json({ code: 'validator-not-ready', message: 'The validator module is being built; the server checks the answers meanwhile.' });
      return;
    }
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', found.adopted ? 'no-cache' : 'public, max-age=31536000, immutable');
    res.setHeader('ETag', found.module.etag);
    // `send` answers 304 when If-None-Match holds this ETag.
    res.send(found.module.source);
  });
  return router;
}
