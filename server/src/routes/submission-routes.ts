import { Router } from 'express';
import type { Request, RequestHandler, Response } from 'express';
import { AppError, LOCALES } from '@samform/model';
import type { Receipt } from '@samform/model';
import { citizenLoginOf } from '../auth/citizen-login.ts';
import { jsonBody } from '../http/json-body.ts';
import { actorOf, tenantOf } from '../http/request-context.ts';
import { requestLocale } from '../http/request-locale.ts';
import { submitAnswers } from '../services/submission-service.ts';
import { pathParam } from '../http/path-param.ts';
import type { RouteDeps } from './route-deps.ts';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Called once a submission is accepted, before the receipt is answered (the citizen pages keep it for the browser). */
export type OnAccepted = (req: Request, res: Response, accepted: { serviceId: string; receipt: Receipt }) => Promise<void>;

/** POST /services/:service/submissions: a citizen sends answers and gets a receipt. */
export function submissionRoutes(deps: RouteDeps, onAccepted?: OnAccepted): Router {
  const router = Router({ mergeParams: true });
  router.post('/services/:service/submissions', ...submitHandlers(deps, onAccepted));
  return router;
}

/** The handlers of POST /services/:service/submissions (also run by the submit fast path). */
export function submitHandlers(deps: RouteDeps, onAccepted?: OnAccepted): RequestHandler[] {
  return [jsonBody({ required: true }), async (req, res) => {
    const idempotencyKey = req.get('idempotency-key');
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new AppError('invalid-idempotency-key', 400, 'Idempotency-Key must be 1-200 printable ASCII characters.');
    }
    deps.rateLimits.submit(req, res, tenantOf(res).id);
    const services = deps.services(res);
    const receipt = await submitAnswers(services, actorOf(res), {
      tenant: tenantOf(res),
      serviceId: pathParam(req, 'service'),
      body: req.body as unknown,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      locale: requestLocale(req, LOCALES),
      // The citizen's e-ID login (issue 6): required by e-ID e-services, the source of the personnummer.
      citizen: await citizenLoginOf(services.store, req, services.clock()),
    });
    await onAccepted?.(req, res, { serviceId: pathParam(req, 'service'), receipt });
    res.status(201).json(receipt);
  }];
}
