import { isIPv6 } from 'node:net';
import type { Request } from 'express';

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? [] : new Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...fill, ...right];
}

/**
 * The client's address for rate limits. `req.ip` is the socket's peer unless `trust proxy` is
 * configured, so a forged X-Forwarded-For changes nothing by default. An IPv6 client is keyed
 * by its /64, because one host is given a whole /64 and could otherwise pick a fresh address
 * for every attempt.
 */
export function clientAddress(req: Request): string {
  const raw = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw)?.[1];
  if (mapped !== undefined) return mapped;
  if (!isIPv6(raw)) return raw;
  return `${expandIPv6(raw.split('%', 1)[0]!.toLowerCase()).slice(0, 4).join(':')}::/64`;
}
