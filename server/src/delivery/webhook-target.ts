import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateAddress } from './private-address.ts';

/** Why a webhook URL is refused, or null when it may be used. */
export type TargetProblem = { code: 'invalid-url' | 'insecure-url' | 'private-target'; message: string };

/**
 * Check a webhook URL when it is configured: https (http only for a private target the
 * operator allowed), no credentials in it, and every address its host resolves to public unless
 * `allowPrivate`. Delivery checks the address again at connect time (DNS may change).
 */
export async function checkWebhookTarget(url: string, allowPrivate: boolean): Promise<TargetProblem | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { code: 'invalid-url', message: 'url must be an absolute https URL.' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { code: 'invalid-url', message: 'url must be an absolute https URL.' };
  if (parsed.username !== '' || parsed.password !== '') return { code: 'invalid-url', message: 'url must not carry a user name or password; the secret signs each call.' };
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) !== 0 ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return { code: 'invalid-url', message: `The host "${host.slice(0, 100)}" cannot be resolved.` };
  }
  const isPrivate = addresses.some(isPrivateAddress);
  if (isPrivate && !allowPrivate) {
    return { code: 'private-target', message: 'url resolves to a private, loopback or link-local address; the operator has not allowed such targets (SAMFORM_ALLOW_PRIVATE_WEBHOOKS).' };
  }
  if (parsed.protocol === 'http:' && !isPrivate) return { code: 'insecure-url', message: 'url must use https.' };
  return null;
}
