import { lookup } from 'node:dns';
import type { LookupAddress, LookupOneOptions, LookupAllOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress } from './private-address.ts';

/** What one webhook call came to: a 2xx, another status, or no answer. */
export type WebhookOutcome = { ok: true; status: number } | { ok: false; error: string };

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A DNS lookup that refuses private addresses at connect time, so a host that resolved to a
 * public address when it was configured cannot be switched to an internal one later (DNS
 * rebinding): the address checked is the address connected to.
 */
function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const refused = list.find((a) => !allowPrivate && isPrivateAddress(a.address));
      if (refused) {
        const denied: NodeJS.ErrnoException = new Error(`${hostname} resolves to the private address ${refused.address}`);
        denied.code = 'EPRIVATETARGET';
        return callback(denied, []);
      }
      if ((options as LookupAllOptions).all) return callback(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** POST `body` to `url` with `headers`; no redirects are followed, and the answer is read up to 64 KiB. */
export function postWebhook(url: string, body: string, headers: Record<string, string>, options: { allowPrivate: boolean; timeoutMs: number }): Promise<WebhookOutcome> {
  return new Promise((resolve) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      resolve({ ok: false, error: 'invalid URL' });
      return;
    }
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    // A literal IP skips DNS, so it is checked here.
    if (isIP(host) !== 0 && !options.allowPrivate && isPrivateAddress(host)) {
      resolve({ ok: false, error: `refused: ${host} is a private address` });
      return;
    }
    const client = parsed.protocol === 'https:' ? https : http;
    const request = client.request(
      parsed,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Samform-Webhook/1', ...headers },
        lookup: guardedLookup(options.allowPrivate) as unknown as typeof lookup,
        timeout: options.timeoutMs,
      },
      (response) => {
        let seen = 0;
        response.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 65_536) response.destroy();
        });
        const status = response.statusCode ?? 0;
        const done = (): void => resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, error: `HTTP ${status}` });
        response.on('end', done);
        response.on('close', done);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, error: error.code === 'EPRIVATETARGET' ? `refused: ${error.message}` : error.message }));
    request.end(body);
  });
}
