import { createHash, randomUUID } from 'node:crypto';
import { AppError, NotFoundError, UnprocessableError, attachmentFields, attachmentTypeList, ATTACHMENT_NAME_MAX, formatMegabytes } from '@samform/model';
import type { AttachmentOptions, AttachmentRef, JsonValue, ServiceVersion, SubmissionError } from '@samform/model';
import type { StoredAttachment, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { resolveService, versionAsServed } from './catalog-service.ts';
import { authorizeQueues } from './queue-service.ts';
import type { ServiceDeps } from './service-deps.ts';
import { sniffContentType } from './sniff-content-type.ts';

/** An attachment field of the version a citizen fills in, with its limits. */
export interface AttachmentField {
  tenant: Tenant;
  version: ServiceVersion;
  /** Dotted path ("photo"). */
  path: string;
  options: AttachmentOptions;
}

/** A file as it arrived: the name the browser gave and the bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

type Locale = 'sv' | 'en';

/** Why an upload was refused, as a citizen reads it (sv/en). */
export function uploadProblem(code: 'too-large' | 'type' | 'empty' | 'too-many', options: AttachmentOptions, locale: string): string {
  const en = locale === 'en';
  switch (code) {
    case 'too-large':
      return en ? `The file is larger than ${formatMegabytes(options.maxBytes)}. Choose a smaller file.` : `Filen är större än ${formatMegabytes(options.maxBytes)}. Välj en mindre fil.`;
    case 'type':
      return en ? `The file must be ${attachmentTypeList(options.accept, 'en')}.` : `Filen måste vara ${attachmentTypeList(options.accept, 'sv')}.`;
    case 'empty':
      return en ? 'The file is empty.' : 'Filen är tom.';
    case 'too-many':
      return en ? `You can attach at most ${options.maxFiles} files.` : `Du kan bifoga högst ${options.maxFiles} filer.`;
  }
}

/** An upload refused for its size (413), type (415) or emptiness (422), carrying the field and the reason. */
export class UploadRefusedError extends AppError {
  constructor(
    readonly reason: 'too-large' | 'type' | 'empty',
    readonly field: AttachmentField,
    locale: string,
  ) {
    const status = reason === 'too-large' ? 413 : reason === 'type' ? 415 : 422;
    super(`attachment-${reason === 'type' ? 'type-not-accepted' : reason}`, status, uploadProblem(reason, field.options, locale));
  }
}

/**
 * A file name safe to store and show: no path parts, no control or bidi-override characters,
 * at most 200 characters (keeping the extension), never empty.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).at(-1) ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const chars = [...cleaned];
  if (chars.length === 0) return 'fil';
  if (chars.length <= ATTACHMENT_NAME_MAX) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? [...cleaned.slice(dot)] : [];
  if (extension.length > 0 && extension.length <= 16) return [...chars.slice(0, ATTACHMENT_NAME_MAX - extension.length), ...extension].join('');
  return chars.slice(0, ATTACHMENT_NAME_MAX).join('');
}

/**
 * The attachment field `path` of the e-service the tenant serves as `serviceId` (or of the
 * published `version` a draft stays on). 404 when the e-service, or such a field, is not there.
 */
export async function openAttachmentField(
  deps: ServiceDeps,
  input: { tenant: Tenant; serviceId: string; path: string; version?: number },
): Promise<AttachmentField> {
  const { tenant } = input;
  // Shared e-services are filled in at a member municipality, never at the collaboration.
  if (tenant.kind !== 'municipality') throw new NotFoundError('service-not-found', `The e-service "${input.serviceId.slice(0, 64)}" does not exist here.`);
  const offered = (await resolveService(deps, tenant, input.serviceId)).version;
  const version =
    input.version === undefined || input.version === offered.version ? offered : await versionAsServed(deps, tenant, offered.owner, offered.serviceId, input.version);
  if (version === null) throw new NotFoundError('version-not-found', `The e-service has no version ${String(input.version)}.`);
  return attachmentFieldOf(tenant, version, input.path);
}

/** The attachment field `path` of a version already at hand. */
export function attachmentFieldOf(tenant: Tenant, version: ServiceVersion, path: string): AttachmentField {
  const options = attachmentFields(version.definition).get(path);
  if (options === undefined) throw new NotFoundError('attachment-field-not-found', `The e-service has no attachment field "${path.slice(0, 64)}".`);
  return { tenant, version, path, options };
}

/**
 * Store a citizen's upload for a field, unlinked until a submission names it: refused when larger
 * than the field allows (413) or when its content is not of a type the field accepts (415),
 * whatever its name says.
 */
export async function saveAttachment(deps: ServiceDeps, field: AttachmentField, file: UploadedFile, locale: string, citizenKey?: string): Promise<AttachmentRef> {
  if (file.bytes.length > field.options.maxBytes) throw new UploadRefusedError('too-large', field, locale);
  if (file.bytes.length === 0) throw new UploadRefusedError('empty', field, locale);
  const type = sniffContentType(file.bytes);
  if (type === null || !field.options.accept.includes(type)) throw new UploadRefusedError('type', field, locale);
  const ref: AttachmentRef = { id: randomUUID(), name: sanitizeFileName(file.name), type, size: file.bytes.length };
  await deps.store.putAttachment(field.tenant.id, {
    ...ref,
    serviceOwner: field.version.owner,
    serviceId: field.version.serviceId,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    createdAt: deps.clock().toISOString(),
    ...(citizenKey === undefined ? {} : { citizenKey }),
    bytes: file.bytes,
  });
  return ref;
}

const MISSING: Record<Locale, string> = {
  sv: 'Filen finns inte längre hos oss. Ta bort den och ladda upp den igen.',
  en: 'We no longer have this file. Remove it and upload it again.',
};

function valueAt(data: { [key: string]: JsonValue }, path: string): JsonValue | undefined {
  let value: JsonValue | undefined = data;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = value[key];
  }
  return value;
}

/**
 * The ids of the files the answers refer to, after checking each reference against the store:
 * an upload of this tenant, for this e-service, not yet part of a case, with the same name,
 * type and size. Anything else is a 422 pointing at the reference.
 */
export async function checkAttachmentRefs(deps: ServiceDeps, tenant: string, version: ServiceVersion, data: { [key: string]: JsonValue }, locale: string): Promise<string[]> {
  const ids: string[] = [];
  const errors: SubmissionError[] = [];
  for (const path of attachmentFields(version.definition).keys()) {
    const refs = valueAt(data, path);
    if (!Array.isArray(refs)) continue;
    for (const [index, ref] of refs.entries()) {
      const pointer = `/${path.split('.').join('/')}/${index}`;
      const r = ref as Partial<AttachmentRef>;
      const stored = typeof r.id === 'string' ? await deps.store.getAttachment(tenant, r.id) : null;
      if (stored === null || !matches(stored, version, r)) {
        errors.push({ path: pointer, keyword: 'attachment', message: MISSING[locale === 'en' ? 'en' : 'sv'] });
        continue;
      }
      ids.push(stored.id);
    }
  }
  if (errors.length > 0) throw new UnprocessableError('invalid-submission', 'The submission is not valid.', errors);
  return ids;
}

function matches(stored: StoredAttachment, version: ServiceVersion, ref: Partial<AttachmentRef>): boolean {
  return (
    stored.submissionId === null &&
    stored.serviceOwner === version.owner &&
    stored.serviceId === version.serviceId &&
    stored.name === ref.name &&
    stored.type === ref.type &&
    stored.size === ref.size
  );
}

/**
 * A file of a case, for the staff who may read the queue it is in: 404 unless the item is in
 * that queue and the file belongs to it.
 */
export async function readCaseAttachment(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; queueId: string; itemId: string; attachmentId: string },
): Promise<StoredAttachment> {
  authorizeQueues(actor, input.tenant.id, 'read', input.queueId);
  const notFound = () => new NotFoundError('attachment-not-found', 'There is no such attachment.');
  const submission = await deps.store.getSubmission(input.tenant.id, input.itemId);
  if (submission === null || submission.queue !== input.queueId) throw notFound();
  const attachment = await deps.store.getAttachment(input.tenant.id, input.attachmentId);
  if (attachment === null || attachment.submissionId !== submission.id) throw notFound();
  if (actor.kind !== 'anonymous') {
    await deps.audit(input.tenant.id, actor, { kind: 'attachment-read', target: `${input.queueId}/${submission.id}/${attachment.id}`, detail: { reference: submission.reference } });
  }
  return attachment;
}
