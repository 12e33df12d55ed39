import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { setContext } from './request-context.ts';

/** Give each request an id (X-Request-Id) and log one line when it ends; never bodies or headers. */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    const log = logger.child({ requestId });
    setContext(res, 'requestId', requestId);
    setContext(res, 'log', log);
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      // The path only: query strings may carry what a citizen typed. originalUrl, because
      // routers rewrite req.url while they route.
      const path = req.originalUrl.split('?', 1)[0];
      log.info({ method: req.method, path, status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10 }, 'request');
    });
    next();
  };
}
