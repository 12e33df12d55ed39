/** One header line of a received e-mail, unfolded and decoded. */
export interface MailHeader {
  name: string;
  value: string;
}

/** A received e-mail as the demo mailbox shows it: its headers and its text. */
export interface ParsedMail {
  headers: MailHeader[];
  subject: string;
  /** The text/plain body, decoded; for anything else (multipart, HTML) the raw body, shown as text. */
  text: string;
}

// RFC 2047 encoded words, as nodemailer writes non-ASCII headers (=?UTF-8?Q?…?= or =?UTF-8?B?…?=).
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([bq])\?([^?]*)\?=(\s+(?==\?))?/gi, (_m, charset: string, enc: string, data: string) => {
    const bytes = enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64') : quotedPrintableBytes(data.replaceAll('_', ' '));
    return decodeBytes(bytes, charset);
  });
}

function decodeBytes(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    // An unknown charset: UTF-8 shows most of it.
    return bytes.toString('utf8');
  }
}

function quotedPrintableBytes(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}

/**
 * Parse a message as nodemailer writes Samform's e-mails (one text/plain part, quoted-printable
 * or base64, encoded-word headers). That is all Samform sends, so no MIME library is needed;
 * anything else is kept as its raw text, which the mailbox shows escaped all the same.
 */
export function parseMail(raw: string): ParsedMail {
  const normal = raw.replace(/\r\n/g, '\n');
  const split = normal.indexOf('\n\n');
  const head = split === -1 ? normal : normal.slice(0, split);
  const body = split === -1 ? '' : normal.slice(split + 2);
  const headers: MailHeader[] = head
    .replace(/\n[ \t]+/g, ' ')
    .split('\n')
    .map((line) => /^([!-9;-~]+):[ \t]*(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ name: match[1]!, value: decodeWords(match[2]!.trim()) }));
  const header = (name: string): string => headers.find((h) => h.name.toLowerCase() === name)?.value ?? '';
  const type = header('content-type').toLowerCase();
  const charset = /charset="?([\w-]+)"?/.exec(type)?.[1] ?? 'utf-8';
  const encoding = header('content-transfer-encoding').toLowerCase();
  let text = body;
  if (type === '' || type.startsWith('text/plain')) {
    if (encoding === 'base64') text = decodeBytes(Buffer.from(body, 'base64'), charset);
    else if (encoding === 'quoted-printable') text = decodeBytes(quotedPrintableBytes(body), charset);
  }
  return { headers, subject: header('subject'), text: text.trimEnd() };
}
