import express from 'express';
import type { Request, RequestHandler, Response as ExpressResponse } from 'express';
import { AppError } from '@samform/model';
import { readBodyUpTo } from '../http/read-body-up-to.ts';

/** The largest form post read (a step's answers are far smaller). */
const LIMIT = '1mb';
const MAX_FIELDS = 2000;
// Attachments (issue 4): a step with file fields posts its files too; each is held to its
// field's own limit (20 MB at most) by the attachment service.
const MULTIPART_LIMIT_BYTES = 25 * 1024 * 1024;

// `extended: false` is Node's querystring: flat names, repeated names as arrays, a
// null-prototype object, so no name can reach a prototype.
const parseUrlencoded = express.urlencoded({ extended: false, limit: LIMIT, parameterLimit: MAX_FIELDS });

/** The posted fields in order, as name-value pairs. */
export type PostedEntries = [string, string][];
/** The file parts of a multipart post, by field name. */
export type PostedFiles = [string, File][];

function entriesOfParsed(body: unknown): PostedEntries {
  const entries: PostedEntries = [];
  if (body === null || typeof body !== 'object') return entries;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') entries.push([name, item]);
  }
  return entries;
}

/**
 * A multipart/form-data post read with the platform's own parser (undici's FormData), so no
 * dependency is needed. Text fields become entries; file parts are kept apart (`formFilesOf`).
 */
async function multipartEntries(req: Request, res: ExpressResponse): Promise<PostedEntries> {
  const body = await readBodyUpTo(req, MULTIPART_LIMIT_BYTES, () => new AppError('payload-too-large', 413, `The form is larger than ${MULTIPART_LIMIT_BYTES / 1024 / 1024} MB.`));
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.get('content-type') ?? '' } }).formData();
  } catch (error) {
    throw new AppError('bad-request', 400, 'The form post could not be read.', { cause: error });
  }
  const entries: PostedEntries = [];
  const files: PostedFiles = [];
  for (const [name, value] of form) {
    if (entries.length >= MAX_FIELDS) throw new AppError('payload-too-large', 413, `The form has more than ${MAX_FIELDS} fields.`);
    if (typeof value === 'string') entries.push([name, value]);
    // An empty file input posts a part without a name or bytes: no file was chosen.
    else if (value.size > 0 || value.name !== '') files.push([name, value]);
  }
  (res.locals as { formFiles?: PostedFiles }).formFiles = files;
  return entries;
}

/** Reads a plain HTML form post (urlencoded or multipart) into `res.locals.formEntries`; anything else is 415. */
export const formBody: RequestHandler = (req, res, next) => {
  if (req.is('application/x-www-form-urlencoded')) {
    parseUrlencoded(req, res, (error?: unknown) => {
      if (error !== undefined) return next(translate(error));
      setEntries(res, entriesOfParsed(req.body));
      next();
    });
    return;
  }
  if (req.is('multipart/form-data')) {
    multipartEntries(req, res).then(
      (entries) => {
        setEntries(res, entries);
        next();
      },
      (error: unknown) => next(error),
    );
    return;
  }
  next(new AppError('unsupported-media-type', 415, 'Send the form as application/x-www-form-urlencoded or multipart/form-data.'));
};

function translate(error: unknown): unknown {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large' || type === 'parameters.too.many') return new AppError('payload-too-large', 413, `The form is larger than allowed.`, { cause: error });
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') return new AppError('unsupported-media-type', 415, 'The form must be UTF-8.', { cause: error });
  return new AppError('bad-request', 400, 'The form post could not be read.', { cause: error });
}

function setEntries(res: ExpressResponse, entries: PostedEntries): void {
  (res.locals as { formEntries?: PostedEntries }).formEntries = entries;
}

/** The entries `formBody` read. */
export function formEntriesOf(res: ExpressResponse): PostedEntries {
  return (res.locals as { formEntries?: PostedEntries }).formEntries ?? [];
}

/** The last value posted under a name. */
export function postedValue(entries: PostedEntries, name: string): string | undefined {
  let found: string | undefined;
  for (const [key, value] of entries) if (key === name) found = value;
  return found;
}

/** The file parts `formBody` read from a multipart post (none for other posts). */
export function formFilesOf(res: ExpressResponse): PostedFiles {
  return (res.locals as { formFiles?: PostedFiles }).formFiles ?? [];
}
