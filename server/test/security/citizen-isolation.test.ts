import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer } from '../harness.ts';
import type { TestServer } from '../harness.ts';
import { CitizenBrowser } from '../citizen-browser.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const IDEA = '/t/ostersund/e/lamna-din-ide';
const ANSWERS: [string, string][] = [
  ['_step', 'idea'],
  ['title', 'Belysning vid skolan'],
  ['need', 'Det är mörkt på vägen.'],
  ['proposal', 'Sätt upp fler lampor.'],
];

async function sendAsCitizen(browser: CitizenBrowser): Promise<{ reference: string; receiptPath: string }> {
  let step = await browser.post(IDEA, ANSWERS);
  // Walk the remaining steps with what the form asks, until the review page.
  for (let guard = 0; step.location !== null && !step.location.includes('/granska') && guard < 6; guard++) {
    const next = await browser.get(step.location);
    const stepId = /name="_step" value="([^"]+)"/.exec(next.html)?.[1] ?? '';
    step = await browser.post(step.location, [
      ['_step', stepId],
      ['beneficiaries', 'citizens'],
      ['area', 'digital'],
      ['submitterKind', 'citizen'],
      ['publicRecord', 'true'],
    ]);
  }
  const sent = await browser.post(`${IDEA}/granska`, []);
  expect(sent.status).toBe(303);
  const receiptPath = sent.location!;
  return { reference: receiptPath.split('/').pop()!.split('?')[0]!, receiptPath };
}

describe("security 4: another citizen's receipt or case", () => {
  it('4. when another browser asks for a receipt by its reference, then 404, the same as a receipt that does not exist', async () => {
    const alice = new CitizenBrowser(server.url);
    const { receiptPath } = await sendAsCitizen(alice);
    const own = await alice.get(receiptPath);
    expect(own.status).toBe(200);
    expect(own.html).toContain('ideer');

    const mallory = new CitizenBrowser(server.url);
    await mallory.post(IDEA, ANSWERS.slice(0, 2));
    const foreign = await mallory.get(receiptPath);
    expect(foreign.status).toBe(404);
    // The page repeats only the address asked for, nothing of the case.
    expect(foreign.html).not.toContain('Belysning vid skolan');
    expect(foreign.html).not.toContain('ideer');
    const nobody = await new CitizenBrowser(server.url).get(receiptPath);
    expect(nobody.status).toBe(404);
    const unknown = await mallory.get(`${IDEA}/kvitto/ZZZZ-ZZZZ`);
    expect(unknown.status).toBe(404);
  });

  it("4. when a citizen asks the API for a case or a queue item by id, then 404 or 401, never the case", async () => {
    const alice = new CitizenBrowser(server.url);
    const { reference } = await sendAsCitizen(alice);
    const items = await call(`${server.url}/api/t/ostersund/queues/ideer/items`, { headers: { authorization: 'Bearer demo-key-ostersund' } });
    const item = (items.body as { id: string; reference: string }[]).find((i) => i.reference === reference)!;
    expect(item).toBeDefined();
    const mallory = new CitizenBrowser(server.url);
    await mallory.post(IDEA, ANSWERS.slice(0, 2));
    const paths = [
      `/api/t/ostersund/submissions/${item.id}`,
      `/api/t/ostersund/services/lamna-din-ide/submissions/${item.id}`,
      `/api/t/ostersund/receipts/${reference}`,
      `/api/t/ostersund/queues/ideer/items/${item.id}`,
      `/api/t/ostersund/queues/ideer/items`,
    ];
    for (const path of paths) {
      const answer = await call(`${server.url}${path}`, { headers: { cookie: mallory.cookie! } });
      expect([401, 404]).toContain(answer.status);
      expect(JSON.stringify(answer.body)).not.toContain(reference);
    }
  });
});
