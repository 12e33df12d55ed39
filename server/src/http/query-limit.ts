import type { RequestHandler } from 'express';
import { AppError } from '@samform/model';

/** The longest query string accepted; every query the platform uses is far shorter. */
export const MAX_QUERY_LENGTH = 2048;

/** Refuse an overlong query string with 414 before anything parses it. */
export const queryLimit: RequestHandler = (req, _res, next) => {
  const at = req.originalUrl.indexOf('?');
  if (at >= 0 && req.originalUrl.length - at - 1 > MAX_QUERY_LENGTH) {
    return next(new AppError('query-too-long', 414, `The query string is longer than ${MAX_QUERY_LENGTH} characters.`));
  }
  next();
};
