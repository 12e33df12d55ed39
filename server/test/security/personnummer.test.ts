import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { call, startTestServer } from '../harness.ts';
import type { TestServer } from '../harness.ts';
import { logInWithEId, OidcBrowser } from '../oidc-browser.ts';

// Security item 5, over HTTP: the personnummer rules hold on the submit path itself, and with
// e-ID the number comes from the login whatever the body says.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server?.close());

const REGION = 'region-jamtland-harjedalen';
const KEY = { authorization: 'Bearer demo-key-ostersund' };

function changeOfOwner(personnummer: string): Record<string, unknown> {
  const answers = exampleAnswers(REGION, 'agarbyte', new Date()) as { buyers: { name: string; personnummer: string }[] };
  return { ...answers, buyers: [{ name: 'Tolvan Tolvansson', personnummer }] };
}

async function leased(queue: string): Promise<Record<string, unknown>> {
  const lease = await call(`${server.url}/api/t/ostersund/queues/${queue}/lease`, { method: 'POST', headers: KEY });
  expect(lease.status).toBe(200);
  const { item, leaseId } = lease.body as { item: { id: string; data: Record<string, unknown> }; leaseId: string };
  await call(`${server.url}/api/t/ostersund/queues/${queue}/items/${item.id}/ack`, { method: 'POST', headers: KEY, body: { leaseId } });
  return item.data;
}

describe('security 5: personnummer', () => {
  it.each(['19121212-1213', '19990230-1234'])('5. when %s (wrong check digit / no such day) is sent, then 422 points at it and nothing is stored', async (personnummer) => {
    const before = (await call(`${server.url}/api/t/ostersund/queues/va/items`, { headers: KEY })).body as unknown[];
    const answer = await call(`${server.url}/api/t/ostersund/services/agarbyte/submissions`, { body: { data: changeOfOwner(personnummer) } });
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toContain('/buyers/0/personnummer');
    const after = (await call(`${server.url}/api/t/ostersund/queues/va/items`, { headers: KEY })).body as unknown[];
    expect(after.length).toBe(before.length);
  });

  it.each(['19121212-1212', '701063-2391'])('5. when %s (a personnummer / a samordningsnummer) is sent, then it is accepted', async (personnummer) => {
    const answer = await call(`${server.url}/api/t/ostersund/services/agarbyte/submissions`, { body: { data: changeOfOwner(personnummer) } });
    expect(answer.status).toBe(201);
    const queue = (answer.body as { queue: string }).queue;
    const data = (await leased(queue)) as { buyers: { personnummer: string }[] };
    expect(data.buyers[0]?.personnummer).toBe(personnummer);
  });

  it('5. when a citizen logged in with e-ID sends another personnummer, then the login one is stored', async () => {
    const browser = new OidcBrowser();
    await logInWithEId(browser, server.url, 'tolvan', '/t/ostersund/e/uppehall-i-hamtning');
    const data = { ...(exampleAnswers(REGION, 'uppehall-i-hamtning', new Date()) as Record<string, unknown>), personnummer: '19800101-2387' };
    const answer = await browser.fetch(`${server.url}/api/t/ostersund/services/uppehall-i-hamtning/submissions`, {
      method: 'POST',
      body: JSON.stringify({ data }),
      headers: { 'content-type': 'application/json', origin: server.url },
    });
    expect(answer.status).toBe(201);
    const { queue } = (await answer.json()) as { queue: string };
    expect((await leased(queue)).personnummer).toBe('19121212-1212');
  });
});
