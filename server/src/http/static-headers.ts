import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

type HeaderStep = { set: string; value: string | number | readonly string[] } | { remove: string };

/**
 * The same headers as `middleware` (helmet with fixed options), computed once instead of per
 * request: helmet runs a dozen sub-middlewares and rebuilds its CSP string on every request.
 * Only for middleware whose headers depend on nothing in the request; throws at start-up when
 * `middleware` does not call `next` at once (it would not be such middleware).
 */
export function staticHeaders(middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void): RequestHandler {
  const steps: HeaderStep[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      steps.push({ set: name, value });
      return recorder;
    },
    removeHeader(name: string) {
      steps.push({ remove: name });
    },
  };
  let called = false;
  middleware({ headers: {}, method: 'GET', url: '/' } as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error !== undefined) throw error;
    called = true;
  });
  if (!called) throw new Error('staticHeaders: the middleware did not call next synchronously');
  return (_req, res, next) => {
    for (const step of steps) {
      if ('set' in step) res.setHeader(step.set, step.value);
      else res.removeHeader(step.remove);
    }
    next();
  };
}
