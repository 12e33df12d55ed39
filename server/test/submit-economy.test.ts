import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { call, logIn, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const SUBMIT = '/api/t/ostersund/services/lamna-din-ide/submissions';
const send = (headers: Record<string, string> = {}) => call(`${server.url}${SUBMIT}`, { headers, body: { data: exampleAnswers('ostersund', 'lamna-din-ide', new Date()) } });
const cookiesOf = (headers: Headers): string[] => headers.getSetCookie().map((c) => c.split('=', 1)[0]!);

describe('the submit path costs an integration one write (issue 8)', () => {
  it('when an integration sends without any cookie or Origin, then the case is filed and no citizen record or session cookie is made', async () => {
    const sent = await send();
    expect(sent.status).toBe(201);
    expect(cookiesOf(sent.headers)).toEqual([]);
    expect(sent.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when our own page sends with JavaScript (same origin), then the browser gets its citizen cookie and the receipt page shows the receipt', async () => {
    const sent = await send({ 'sec-fetch-site': 'same-origin' });
    expect(sent.status).toBe(201);
    const citizen = sent.headers.getSetCookie().find((c) => c.startsWith('samform.citizen='));
    expect(citizen).toBeDefined();
    const receipt = await fetch(`${server.url}/t/ostersund/e/lamna-din-ide/kvitto/${sent.body.reference as string}`, { headers: { cookie: citizen!.split(';')[0]! } });
    expect(receipt.status).toBe(200);
    expect(await receipt.text()).toContain(sent.body.reference as string);
  });

  it('when a send comes from another site, then the CSRF guard still refuses it', async () => {
    const sent = await send({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(sent.status).toBe(403);
  });

  it('when staff sign in without a cookie and then call the API with it, then the session still works', async () => {
    const cookie = await logIn(server.url, 'ostersund.handlaggare', 'demo-ostersund');
    const me = await call(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('ostersund.handlaggare');
    const anonymous = await call(`${server.url}/api/t/ostersund/queues/ide/items`);
    expect(anonymous.status).toBe(401);
  });
});
