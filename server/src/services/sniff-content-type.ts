/**
 * The media type of a file told from its bytes alone (magic numbers), never from its name or the
 * type a browser declared: a renamed file is what it is. Only types the platform accepts are
 * recognised; anything else is null.
 */
export type SniffedType =
  | 'application/pdf'
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp'
  | 'text/plain'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.oasis.opendocument.text';

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** The type of `bytes`, or null when it is none the platform accepts. */
export function sniffContentType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return 'image/gif';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'image/webp';
  if (startsWith(bytes, ZIP_LOCAL)) return officeType(bytes);
  return isPlainText(bytes) ? 'text/plain' : null;
}

/** OOXML (a ZIP holding `[Content_Types].xml` and `word/` or `xl/`) or ODF text (a stored `mimetype` first). */
function officeType(bytes: Uint8Array): SniffedType | null {
  const odt = odfMimetype(bytes);
  if (odt === ODT_MIMETYPE) return 'application/vnd.oasis.opendocument.text';
  const names = zipEntryNames(bytes);
  if (names === null || !names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (names.some((n) => n.startsWith('xl/'))) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return null;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true });

// ODF requires the first entry to be `mimetype`, stored uncompressed, so its content sits at a fixed place.
function odfMimetype(bytes: Uint8Array): string | null {
  if (bytes.length < 30) return null;
  const v = view(bytes);
  const method = v.getUint16(8, true);
  const size = v.getUint32(18, true);
  const nameLength = v.getUint16(26, true);
  const extraLength = v.getUint16(28, true);
  if (method !== 0 || size > 100 || latin1.decode(bytes.subarray(30, 30 + nameLength)) !== 'mimetype') return null;
  const start = 30 + nameLength + extraLength;
  if (bytes.length < start + size) return null;
  return latin1.decode(bytes.subarray(start, start + size));
}

/** The entry names of a ZIP's central directory, or null when it cannot be read. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const v = view(bytes);
  // The end-of-central-directory record is the last 22 bytes plus a comment of up to 64 KiB.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || v.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    names.push(latin1.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

// Markup is never plain text here: a page could be coaxed into rendering it.
const MARKUP = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|object|embed)\b/i;

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.includes(0)) return false;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  return !MARKUP.test(text.replace(/^\uFEFF/, ''));
}
