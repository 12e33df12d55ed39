import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, UnprocessableError } from '@samform/model';
import { logOf, requestIdOf } from './request-context.ts';

/** The one place failures become answers: AppError as `{code, message}`, anything else a logged 500. */
export const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) return next(error);
  const log = logOf(res);
  if (error instanceof AppError && error.status < 500) {
    const body = error instanceof UnprocessableError ? { code: error.code, message: error.message, errors: error.errors } : { code: error.code, message: error.message };
    res.status(error.status).json(body);
    return;
  }
  const requestId = requestIdOf(res);
  log.error({ err: error }, 'request failed');
  const code = error instanceof AppError ? error.code : 'internal';
  res.status(error instanceof AppError ? error.status : 500).json({ code, message: 'Something went wrong on our side. Please try again later.', requestId });
};

/** Unknown /api routes. */
export const apiNotFound: RequestHandler = (_req, res) => {
  res.status(404).json({ code: 'not-found', message: 'No such API endpoint.' });
};
