import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '@samform/model';
import { openSqliteStore } from '@samform/store';
import type { Store } from '@samform/store';
import { createApp } from '../src/app.ts';
import { scrubPersonnummer } from '../src/http/scrub-personnummer.ts';
import { seedDemo } from '../src/seed-demo.ts';
import { CHEAP_COST, LogCapture, call, demoForms, listen, tempDir } from './harness.ts';

// A minimal e-service asking for a personnummer, published straight into the store.
const PNR_SERVICE: ServiceDefinition = {
  id: 'intyg',
  title: { sv: 'Intyg', en: 'Certificate' },
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['personnummer'],
    properties: { personnummer: { type: 'string', format: 'personnummer' } },
  },
  texts: { personnummer: { label: { sv: 'Personnummer', en: 'Personal identity number' } } },
  routing: { queue: 'ideer' },
};

const PNR_FORMS = ['19121212-1213', '191212121213', '121212-1213', '1212121213'];
const temp = tempDir();
let store: Store;
let failing: Store;
let logs: LogCapture;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  store = await openSqliteStore({ file: path.join(temp.dir, 'samform.sqlite') });
  await seedDemo(store, await demoForms(), { passwordCost: CHEAP_COST });
  await store.publishServiceVersion('ostersund', { owner: 'ostersund', serviceId: 'intyg', version: 1, definition: PNR_SERVICE, publishedAt: new Date().toISOString() });
  // The edge of the world: a disk that fails with a message quoting what it was writing.
  failing = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'acceptSubmission') {
        return async () => {
          throw new Error('write failed for submission with personnummer 19121212-1212');
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  logs = new LogCapture();
  server = await listen(createApp({ store: failing, logDestination: logs }));
}, 60_000);
afterAll(async () => {
  await server.close();
  await store.close();
  temp.cleanup();
});

function expectNoPersonnummer(text: string): void {
  for (const form of [...PNR_FORMS, '19121212-1212', '191212121212']) expect(text).not.toContain(form);
}

describe('logs', () => {
  it('when a personnummer answer is refused with 422, then the log has the request but no personnummer', async () => {
    const { status, body } = await call(`${server.url}/api/t/ostersund/services/intyg/submissions?pnr=191212121213`, { body: { data: { personnummer: '19121212-1213' } } });
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ path: '/personnummer', keyword: 'format' });
    const line = logs.lines.map((l) => JSON.parse(l)).find((entry) => entry.path === '/api/t/ostersund/services/intyg/submissions');
    expect(line).toMatchObject({ method: 'POST', status: 422, requestId: expect.any(String), durationMs: expect.any(Number) });
    expectNoPersonnummer(logs.text);
  });

  it('when a personnummer is in the path, then the logged path has it masked', async () => {
    const { status } = await call(`${server.url}/api/t/ostersund/services/19121212-1212`);
    expect(status).toBe(404);
    expect(logs.text).toContain('/api/t/ostersund/services/[personnummer]');
    expectNoPersonnummer(logs.text);
  });

  it('when an unexpected error quotes a personnummer, then 500 internal with a request id, no stack, and a scrubbed log', async () => {
    const answer = await call(`${server.url}/api/t/ostersund/services/intyg/submissions`, { body: { data: { personnummer: '19121212-1212' } } });
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ code: 'internal', message: expect.any(String), requestId: answer.headers.get('x-request-id') });
    expect(JSON.stringify(answer.body)).not.toMatch(/personnummer|at .*\.ts/);
    const error = logs.lines.map((l) => JSON.parse(l)).find((entry) => entry.requestId === answer.body.requestId && entry.level === 50);
    expect(error.err.message).toBe('write failed for submission with personnummer [personnummer]');
    expect(error.err.stack).toContain('[personnummer]');
    expectNoPersonnummer(logs.text);
  });

  it('when credentials are sent, then they never reach the log', async () => {
    await call(`${server.url}/api/t/ostersund/queues`, { headers: { authorization: 'Bearer demo-key-ostersund', cookie: 'samform.sid=s%3Asecret-cookie' } });
    expect(logs.text).not.toContain('demo-key-ostersund');
    expect(logs.text).not.toContain('secret-cookie');
  });
});

describe('scrubPersonnummer', () => {
  it.each([
    ['19121212-1212', '[personnummer]'],
    ['pnr 191212121212.', 'pnr [personnummer].'],
    ['701063-2391 och 121212+1212', '[personnummer] och [personnummer]'],
    ['1212121212', '[personnummer]'],
  ])('when the text is %j, then it becomes %j', (input, output) => {
    expect(scrubPersonnummer(input)).toBe(output);
  });

  it('when digits are not personnummer-shaped (phone, postcode, uuid, time), then they are kept', () => {
    const text = '070-174 06 50, 831 82, 2f1c2a10-1234-4abc-8def-123456789012, 2026-11-26T08:00:00.000Z, 12345678901234';
    expect(scrubPersonnummer(text)).toBe(text);
  });
});
