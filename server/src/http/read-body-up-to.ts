import type { Request } from 'express';

/**
 * The raw body of a request, refused with `tooLarge()` as soon as it is declared or grows past
 * `limit` bytes, so an oversized upload is never held in memory whole.
 */
export async function readBodyUpTo(req: Request, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (Number(req.get('content-length') ?? '0') > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}
