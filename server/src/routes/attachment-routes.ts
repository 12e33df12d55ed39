import { Router } from 'express';
import type { Request, Response } from 'express';
import { AppError, ATTACHMENT_TYPES, LOCALES } from '@samform/model';
import { actorOf, tenantOf } from '../http/request-context.ts';
import { requestLocale } from '../http/request-locale.ts';
import { isCrossSite } from '../http/same-origin.ts';
import { pathParam } from '../http/path-param.ts';
import { readBodyUpTo } from '../http/read-body-up-to.ts';
import { openAttachmentField, readCaseAttachment, saveAttachment, UploadRefusedError } from '../services/attachment-service.ts';
import type { AttachmentField, UploadedFile } from '../services/attachment-service.ts';
import { guard } from './guard.ts';
import type { RouteDeps } from './route-deps.ts';

// Room for the multipart boundaries and part headers around the one file.
const MULTIPART_OVERHEAD = 64 * 1024;
const FIELD_PATH = /^[A-Za-z0-9_-]{1,64}(?:\.[A-Za-z0-9_-]{1,64}){0,4}$/;
// Only what the platform itself recognised is served under its own type; never HTML or script.
const SERVABLE: readonly string[] = ATTACHMENT_TYPES;

/** The one file of a multipart body: its parts parsed by the platform's own `Response.formData()`. */
export async function fileOfMultipart(body: Uint8Array, contentType: string): Promise<UploadedFile> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch (error) {
    throw new AppError('bad-request', 400, 'The multipart body could not be read.', { cause: error });
  }
  const files = [...form.values()].filter((value): value is File => typeof value !== 'string');
  if (files.length !== 1) throw new AppError('one-file-expected', 400, 'Send exactly one file part.');
  const file = files[0]!;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function decodedFileName(req: Request): string {
  const header = req.get('x-file-name');
  if (header === undefined || header === '') throw new AppError('file-name-missing', 400, 'Send the file name in X-File-Name (percent-encoded UTF-8).');
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

function fieldPathOf(req: Request): string {
  const field = req.query.field;
  if (typeof field !== 'string' || !FIELD_PATH.test(field)) throw new AppError('invalid-field', 400, 'Name the attachment field: ?field=<field path>.');
  return field;
}

function versionOf(req: Request): number | undefined {
  const raw = req.query.version;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,8}$/.test(raw)) throw new AppError('invalid-version', 400, 'version must be a whole number from 1.');
  return Number(raw);
}

/** "attachment" with an ASCII fallback name and the real one in RFC 5987 form. */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Citizens upload files for an attachment field (multipart with one file part, or the raw bytes
 * with Content-Type and X-File-Name); staff who may read a queue download the files of its cases.
 */
export function attachmentRoutes(deps: RouteDeps): Router {
  const router = Router({ mergeParams: true });

  router.post('/attachments/:service', async (req, res) => {
    // Anonymous citizens upload; another site's page must not fill our store through their browsers.
    if (isCrossSite(req, deps.allowedOrigins)) throw new AppError('cross-site-post', 403, 'This upload was sent from another site.');
    const locale = requestLocale(req, LOCALES);
    const version = versionOf(req);
    const field = await openAttachmentField(deps.services(res), {
      tenant: tenantOf(res),
      serviceId: pathParam(req, 'service'),
      path: fieldPathOf(req),
      ...(version === undefined ? {} : { version }),
    });
    const file = await uploadedFile(req, field, locale);
    const ref = await saveAttachment(deps.services(res), field, file, locale);
    res.status(201).json(ref);
  });

  router.get('/queues/:queue/items/:item/attachments/:attachment', guard(deps, 'queues:read', { notFoundCode: 'queue-not-found' }), async (req, res) => {
    const tenant = tenantOf(res);
    const attachment = await readCaseAttachment(deps.services(res), actorOf(res), {
      tenant,
      queueId: pathParam(req, 'queue'),
      itemId: pathParam(req, 'item'),
      attachmentId: pathParam(req, 'attachment'),
    });
    sendAttachment(res, attachment);
  });

  return router;
}

async function uploadedFile(req: Request, field: AttachmentField, locale: string): Promise<UploadedFile> {
  const tooLarge = () => new UploadRefusedError('too-large', field, locale);
  if (req.is('multipart/form-data')) {
    const body = await readBodyUpTo(req, field.options.maxBytes + MULTIPART_OVERHEAD, tooLarge);
    return fileOfMultipart(body, req.get('content-type') ?? '');
  }
  if (req.get('content-type') === undefined) throw new AppError('unsupported-media-type', 415, 'Send the file as multipart/form-data, or its bytes with Content-Type and X-File-Name.');
  const name = decodedFileName(req);
  return { name, bytes: await readBodyUpTo(req, field.options.maxBytes, tooLarge) };
}

function sendAttachment(res: Response, attachment: { name: string; type: string; bytes: Uint8Array }): void {
  const type = SERVABLE.includes(attachment.type) ? attachment.type : 'application/octet-stream';
  res.setHeader('Content-Type', type === 'text/plain' ? 'text/plain; charset=utf-8' : type);
  res.setHeader('Content-Disposition', contentDisposition(attachment.name));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Even opened directly, the file runs nothing and reaches nothing of ours.
  res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
  res.setHeader('Content-Length', String(attachment.bytes.length));
  res.end(Buffer.from(attachment.bytes.buffer, attachment.bytes.byteOffset, attachment.bytes.byteLength));
}
