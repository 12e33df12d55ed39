import type { JsonSchema, ServiceDefinition } from './definition.ts';

/** An uploaded file as an answer holds it; `type` is the media type sniffed from its bytes. */
export interface AttachmentRef {
  id: string;
  name: string;
  type: string;
  size: number;
}

/** The limits of one attachment field, from its `ui:options`. */
export interface AttachmentOptions {
  /** Accepted media types (sniffed, never taken from the name). */
  accept: string[];
  maxBytes: number;
  maxFiles: number;
}

/** The media types the platform can recognise from a file's content. */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
] as const;

/** The size limit of a field that names none: 10 MB. */
export const ATTACHMENT_DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** No field may allow more per file: 20 MB. */
export const ATTACHMENT_MAX_BYTES_CAP = 20 * 1024 * 1024;
/** Files per field when the field names no limit. */
export const ATTACHMENT_DEFAULT_MAX_FILES = 5;
/** File names are cut to this many characters. */
export const ATTACHMENT_NAME_MAX = 200;

const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** The JSON Schema of an attachment field's answer: at most `maxFiles` references, of accepted types and sizes. */
export function attachmentSchema(options: Partial<AttachmentOptions> & { minFiles?: number } = {}): JsonSchema {
  const { accept, maxBytes, maxFiles, minFiles } = readAttachmentOptions(options);
  const schema: JsonSchema = {
    type: 'array',
    maxItems: maxFiles,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name', 'type', 'size'],
      properties: {
        id: { type: 'string', pattern: UUID_PATTERN },
        name: { type: 'string', minLength: 1, maxLength: ATTACHMENT_NAME_MAX },
        type: { type: 'string', enum: accept },
        size: { type: 'integer', minimum: 1, maximum: maxBytes },
      },
    },
  };
  if (minFiles > 0) schema.minItems = minFiles;
  return schema;
}

/** The limits in an attachment field's `ui:options`, with defaults, the size capped, and unknown types dropped. */
export function readAttachmentOptions(uiOptions: unknown): AttachmentOptions & { minFiles: number } {
  const o = (typeof uiOptions === 'object' && uiOptions !== null ? uiOptions : {}) as Record<string, unknown>;
  const known: readonly string[] = ATTACHMENT_TYPES;
  const accept = Array.isArray(o.accept) ? o.accept.filter((t): t is string => typeof t === 'string' && known.includes(t)) : [];
  const whole = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined);
  return {
    accept: accept.length > 0 ? [...new Set(accept)] : [...ATTACHMENT_TYPES],
    maxBytes: Math.min(whole(o.maxBytes) ?? ATTACHMENT_DEFAULT_MAX_BYTES, ATTACHMENT_MAX_BYTES_CAP),
    maxFiles: whole(o.maxFiles) ?? ATTACHMENT_DEFAULT_MAX_FILES,
    minFiles: whole(o.minFiles) ?? 0,
  };
}

/**
 * The attachment fields of an e-service (uiSchema `"ui:kind": "attachment"`), by dotted path
 * ("photo", "contact.id-card"), with their limits. Fields inside lists are not reached.
 */
export function attachmentFields(definition: ServiceDefinition): Map<string, AttachmentOptions> {
  const found = new Map<string, AttachmentOptions>();
  const walk = (schema: unknown, ui: unknown, path: string[]): void => {
    if (typeof schema !== 'object' || schema === null || typeof ui !== 'object' || ui === null) return;
    const uiEntry = ui as Record<string, unknown>;
    if (path.length > 0 && uiEntry['ui:kind'] === 'attachment') {
      const { accept, maxBytes, maxFiles } = readAttachmentOptions(uiEntry['ui:options']);
      const declared = (schema as JsonSchema).maxItems;
      found.set(path.join('.'), { accept, maxBytes, maxFiles: typeof declared === 'number' ? Math.min(declared, maxFiles) : maxFiles });
      return;
    }
    const properties = (schema as JsonSchema).properties;
    if (typeof properties !== 'object' || properties === null) return;
    for (const [key, child] of Object.entries(properties)) walk(child, uiEntry[key], [...path, key]);
  };
  walk(definition.schema, definition.uiSchema ?? {}, []);
  return found;
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'text/plain': 'text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
  'application/vnd.oasis.opendocument.text': 'ODT',
};

/** The accepted types as a citizen reads them: "PDF, JPEG eller PNG" / "PDF, JPEG or PNG". */
export function attachmentTypeList(accept: readonly string[], locale: string): string {
  const names = accept.map((t) => TYPE_NAMES[t] ?? t);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${locale === 'en' ? 'or' : 'eller'} ${names.at(-1)}`;
}

/** A byte count in megabytes as shown to citizens: "5 MB", "0.5 MB". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** The hint under an attachment field: the types, the size per file and the number of files (sv/en). */
export function attachmentHint(options: AttachmentOptions, locale: string): string {
  const types = attachmentTypeList(options.accept, locale);
  const size = formatMegabytes(options.maxBytes);
  if (locale === 'en') return `Allowed file types: ${types}. At most ${size} per file${options.maxFiles > 1 ? `, up to ${options.maxFiles} files` : ''}.`;
  return `Tillåtna filtyper: ${types}. Högst ${size} per fil${options.maxFiles > 1 ? `, upp till ${options.maxFiles} filer` : ''}.`;
}
