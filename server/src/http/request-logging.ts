import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { setContext } from './request-context.ts';

/** Give each request an id (X-Request-Id) and log one line when it ends; never bodies or headers. */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    setContext(res, 'requestId', requestId);
    // The child logger (it carries the id) is made only when a handler logs: most requests never do,
    // and a child of a logger with redaction and formatters costs more than the rest of a cheap request.
    let child: Logger | undefined;
    Object.defineProperty(res.locals, 'log', {
      configurable: true,
      enumerable: true,
      get: () => (child ??= logger.child({ requestId })),
      set: (value: Logger) => {
        child = value;
      },
    });
    res.setHeader('X-Request-Id', requestId);
    if (!logger.isLevelEnabled('info')) return next();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      // The path only: query strings may carry what a citizen typed. originalUrl, because
      // routers rewrite req.url while they route.
      const path = req.originalUrl.split('?', 1)[0];
      logger.info({ requestId, method: req.method, path, status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10 }, 'request');
    });
    next();
  };
}
