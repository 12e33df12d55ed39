import express from 'express';
import type { RequestHandler } from 'express';
import { AppError } from '@samform/model';

/** The largest request body accepted anywhere (a form with its answers is far smaller). */
export const BODY_LIMIT = '1mb';

// Keys that could reach an object's prototype if the parsed body were ever merged or assigned.
function dropPrototypeKeys(this: unknown, key: string, value: unknown): unknown {
  if (key === '__proto__') return undefined;
  if (key === 'constructor' && value !== null && typeof value === 'object' && Object.hasOwn(value, 'prototype')) return undefined;
  return value;
}

const parseJson = express.json({ limit: BODY_LIMIT, strict: true, type: () => true, reviver: dropPrototypeKeys });

function hasBody(headers: { 'content-length'?: string | undefined; 'transfer-encoding'?: string | undefined }): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}

/**
 * Parse a JSON body (1 MB at most) into `req.body`; other media types answer 415, bad JSON 400,
 * too large 413. With `required: false` a request without a body passes with `req.body`
 * undefined.
 */
export function jsonBody(options: { required: boolean }): RequestHandler {
  return (req, res, next) => {
    if (!hasBody(req.headers) && !options.required) return next();
    if (!req.is('application/json')) {
      return next(new AppError('unsupported-media-type', 415, 'The request body must be JSON (Content-Type: application/json).'));
    }
    parseJson(req, res, (error?: unknown) => next(error === undefined ? undefined : translateBodyError(error)));
  };
}

function translateBodyError(error: unknown): unknown {
  const type = (error as { type?: unknown }).type;
  switch (type) {
    case 'entity.parse.failed':
      return new AppError('malformed-json', 400, 'The request body is not valid JSON.', { cause: error });
    case 'entity.too.large':
      return new AppError('payload-too-large', 413, `The request body is larger than ${BODY_LIMIT}.`, { cause: error });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('unsupported-media-type', 415, 'The request body must be UTF-8 JSON.', { cause: error });
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError('bad-request', 400, 'The request body was incomplete.', { cause: error });
    default:
      return error;
  }
}
