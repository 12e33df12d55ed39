import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadForms } from '@samform/forms';
import type { FormsCatalogue } from '@samform/forms';
import { openSqliteStore } from '@samform/store';
import type { Store } from '@samform/store';
import { startSamform } from '../src/start-samform.ts';
import type { RunningSamform } from '../src/start-samform.ts';

/** Demo passwords are public, so tests hash them cheaply. */
export const CHEAP_COST = { N: 2 ** 10, r: 8, p: 1 };

let forms: Promise<FormsCatalogue> | undefined;
/** forms/ read once per test file. */
export function demoForms(): Promise<FormsCatalogue> {
  forms ??= loadForms();
  return forms;
}

/** A temp folder removed by `cleanup`. */
export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'samform-server-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Log lines written by the app, captured in memory. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
    callback();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

/** A demo-seeded server on a real SQLite temp file and a real port. */
export interface TestServer {
  url: string;
  store: Store;
  running: RunningSamform;
  logs: LogCapture;
  close(): Promise<void>;
}

/** Start the server the way `pnpm start` does, on a fresh SQLite file. */
export async function startTestServer(): Promise<TestServer> {
  const temp = tempDir();
  const store = await openSqliteStore({ file: path.join(temp.dir, 'samform.sqlite') });
  const logs = new LogCapture();
  const running = await startSamform({ store, mode: 'demo', host: '127.0.0.1', logDestination: logs, forms: await demoForms(), passwordCost: CHEAP_COST });
  return {
    url: running.url,
    store,
    running,
    logs,
    close: async () => {
      await running.close();
      await store.close();
      temp.cleanup();
    },
  };
}

/** fetch with a JSON body and the answer's parsed JSON (undefined when there is none). */
export async function call(
  url: string,
  init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers };
  const response = await fetch(url, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : init.raw !== undefined ? { body: init.raw } : {}),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body, headers: response.headers };
}

/** Sign in and return the session cookie (`samform.sid=…`). */
export async function logIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login of ${username} answered ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('samform.sid='));
  if (cookie === undefined) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

/** Today as the server's citizens see it. */
export function today(): Date {
  return new Date();
}

/** Listen on a free loopback port with any request handler (an app from createApp). */
export async function listen(handler: import('node:http').RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
