import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Run `handlers` one after another as a router would: each calls `next()` to pass on, an error
 * (thrown, passed to next, or a rejected promise, as Express 5 handles them) goes to `done`, and
 * `done()` is called when the last one passed on.
 */
export function runHandlers(handlers: readonly RequestHandler[], req: Request, res: Response, done: NextFunction): void {
  let i = 0;
  const step = (error?: unknown): void => {
    if (error !== undefined && error !== null) return done(error);
    const handler = handlers[i++];
    if (handler === undefined) return done();
    try {
      const result: unknown = handler(req, res, step);
      if (result instanceof Promise) result.catch(done);
    } catch (error_) {
      done(error_);
    }
  };
  step();
}
