import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { hashPassword } from '../src/auth/password-hash.ts';
import { CHEAP_COST, call, logIn, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
let staff: { own: string; admin: string; colleague: string; other: string; designer: string };
const REGION = 'region-jamtland-harjedalen';

beforeAll(async () => {
  server = await startTestServer();
  staff = {
    own: await logIn(server.url, 'ostersund.handlaggare', 'demo-ostersund'),
    admin: await logIn(server.url, 'ostersund.admin', 'demo-ostersund'),
    colleague: await logIn(server.url, 'ostersund.admin', 'demo-ostersund'),
    other: await logIn(server.url, 'krokom.handlaggare', 'demo-krokom'),
    designer: await logIn(server.url, 'ostersund.designer', 'demo-ostersund'),
  };
}, 60_000);
afterAll(() => server.close());

const api = (path: string, tenant = 'ostersund'): string => `${server.url}/api/t/${tenant}${path}`;
const as = (cookie: string) => ({ cookie, origin: server.url });

async function submitIdea(tenant = 'ostersund'): Promise<{ id: string; reference: string }> {
  const data = exampleAnswers('ostersund', 'lamna-din-ide', new Date());
  const { status, body } = await call(`${server.url}/api/t/${tenant}/services/lamna-din-ide/submissions`, { body: { data } });
  expect(status).toBe(201);
  return body;
}

async function submitFault(tenant: string): Promise<string> {
  const data = exampleAnswers(REGION, 'felanmalan', new Date());
  const { status, body } = await call(`${server.url}/api/t/${tenant}/services/felanmalan/submissions`, { body: { data } });
  expect(status).toBe(201);
  return body.id;
}

type Endpoint = { name: string; method: 'GET' | 'POST'; path: () => string; body?: unknown };
const SOME_CASE = '00000000-0000-4000-8000-000000000000';
const endpoints: Endpoint[] = [
  { name: 'inbox', method: 'GET', path: () => api('/inbox') },
  { name: 'queue cases', method: 'GET', path: () => api('/inbox/ideer/cases') },
  { name: 'case', method: 'GET', path: () => api(`/cases/${SOME_CASE}`) },
  { name: 'history', method: 'GET', path: () => api(`/cases/${SOME_CASE}/events`) },
  { name: 'claim', method: 'POST', path: () => api(`/cases/${SOME_CASE}/claim`) },
  { name: 'unclaim', method: 'POST', path: () => api(`/cases/${SOME_CASE}/unclaim`) },
  { name: 'status', method: 'POST', path: () => api(`/cases/${SOME_CASE}/status`), body: { to: 'investigating' } },
  { name: 'note', method: 'POST', path: () => api(`/cases/${SOME_CASE}/notes`), body: { text: 'x' } },
  { name: 'message', method: 'POST', path: () => api(`/cases/${SOME_CASE}/messages`), body: { text: 'x' } },
];
const hit = (e: Endpoint, headers: Record<string, string>) => call(e.path(), { method: e.method, headers, ...(e.body === undefined ? {} : { body: e.body }) });

describe('who may use the inbox', () => {
  it.each(endpoints)('when $name is called without credentials, then 401', async (e) => {
    expect((await hit(e, { origin: server.url })).body.code).toBe('unauthenticated');
  });
  it.each(endpoints)("when $name is called by another municipality's case worker, then 404", async (e) => {
    const { status } = await hit(e, as(staff.other));
    expect(status).toBe(404);
  });
  it.each(endpoints)('when $name is called by a designer, then 403', async (e) => {
    const { status, body } = await hit(e, as(staff.designer));
    expect(status).toBe(403);
    expect(body.code).toBe('forbidden');
  });
  it.each(endpoints)("when $name is called with the municipality's API key, then 403 staff-only", async (e) => {
    const { status, body } = await hit(e, { authorization: 'Bearer demo-key-ostersund' });
    expect(status).toBe(403);
    expect(body.code).toBe('staff-only');
  });
  it("when a case worker changes a case from another site's page, then 403 cross-origin", async () => {
    const { status, body } = await call(api(`/cases/${SOME_CASE}/claim`), { method: 'POST', headers: { cookie: staff.own, origin: 'https://evil.example' } });
    expect(status).toBe(403);
    expect(body.code).toBe('cross-origin');
  });
});

describe('a case worker works an idea', () => {
  let idea: { id: string; reference: string };

  beforeAll(async () => {
    idea = await submitIdea();
  });

  it('when the inbox is read, then every queue shows its open, unclaimed and own cases', async () => {
    const { status, body } = await call(api('/inbox'), { headers: as(staff.own) });
    expect(status).toBe(200);
    const ideer = body.queues.find((q: { id: string }) => q.id === 'ideer');
    expect(ideer).toMatchObject({ open: 1, unassigned: 1, mine: 0 });
    expect(ideer.name.sv).toBeTruthy();
    expect(body.queues.find((q: { id: string }) => q.id === 'va')).toMatchObject({ open: 0 });
  });

  it('when the queue is listed, then the idea is there at the first stop of the idea journey, without answers', async () => {
    const { status, body } = await call(api('/inbox/ideer/cases'), { headers: as(staff.own) });
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 1, page: 1, limit: 25 });
    expect(body.cases[0]).toMatchObject({ id: idea.id, reference: idea.reference, status: { id: 'received', final: false }, assignee: null, service: { id: 'lamna-din-ide', version: 1 } });
    expect(body.cases[0].status.title.sv).toBe('Idén har kommit in');
    expect(body.cases[0]).not.toHaveProperty('data');
  });

  it('when the case is read, then it has the answers, the version the citizen used and the moves along the journey', async () => {
    const { status, body } = await call(api(`/cases/${idea.id}`), { headers: as(staff.own) });
    expect(status).toBe(200);
    expect(body.data.title).toBeTruthy();
    expect(body.definition.id).toBe('lamna-din-ide');
    expect(body.definition.steps.length).toBeGreaterThan(1);
    expect(body.workflow.map((s: { id: string }) => s.id)).toContain('investigating');
    expect(body.moves).toContain('investigating');
    expect(body.moves).not.toContain('received');
    expect(body.events).toEqual([]);
  });

  it('when the case worker claims it, then it is theirs, a colleague cannot claim it, and a repeat changes nothing', async () => {
    const claimed = await call(api(`/cases/${idea.id}/claim`), { method: 'POST', headers: as(staff.own) });
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee.name).toMatch(/Handläggare/);
    expect(claimed.body.yours).toBe(true);
    expect((await call(api(`/cases/${idea.id}`), { headers: as(staff.admin) })).body.yours).toBe(false);
    expect(claimed.body.events).toHaveLength(1);
    const again = await call(api(`/cases/${idea.id}/claim`), { method: 'POST', headers: as(staff.own) });
    expect(again.body.events).toHaveLength(1);
    const colleague = await call(api(`/cases/${idea.id}/claim`), { method: 'POST', headers: as(staff.colleague) });
    expect(colleague.status).toBe(409);
    expect(colleague.body.code).toBe('case-claimed');
    const mine = await call(api('/inbox/ideer/cases?assignee=me'), { headers: as(staff.own) });
    expect(mine.body.total).toBe(1);
    const unclaimed = await call(api('/inbox/ideer/cases?assignee=none'), { headers: as(staff.own) });
    expect(unclaimed.body.total).toBe(0);
  });

  it('when the case worker moves it along the journey with a message, then the status and history follow', async () => {
    const moved = await call(api(`/cases/${idea.id}/status`), { headers: as(staff.own), body: { to: 'investigating', from: 'received', message: 'Arbetsgruppen tittar på din idé.' } });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toMatchObject({ id: 'investigating', final: false });
    expect(moved.body.moves).toContain('received');
    const filtered = await call(api('/inbox/ideer/cases?status=investigating'), { headers: as(staff.own) });
    expect(filtered.body.total).toBe(1);
    const stale = await call(api(`/cases/${idea.id}/status`), { headers: as(staff.own), body: { to: 'decision', from: 'received' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('case-status-changed');
  });

  it('when a note and a message are added, then the history holds both, with who wrote them', async () => {
    expect((await call(api(`/cases/${idea.id}/notes`), { headers: as(staff.own), body: { text: 'Liknande idé finns i Krokom.' } })).status).toBe(200);
    expect((await call(api(`/cases/${idea.id}/messages`), { headers: as(staff.own), body: { text: 'Vill du vara med i arbetsgruppen?' } })).status).toBe(200);
    const { status, body } = await call(api(`/cases/${idea.id}/events`), { headers: as(staff.own) });
    expect(status).toBe(200);
    expect(body.events.map((e: { kind: string }) => e.kind)).toEqual(['claim', 'status', 'note', 'message']);
    expect(body.events[2]).toMatchObject({ kind: 'note', text: 'Liknande idé finns i Krokom.', seq: 3 });
    expect(body.events[2].byName).toMatch(/Handläggare/);
  });

  it('when the case is released, then it is unclaimed again', async () => {
    const released = await call(api(`/cases/${idea.id}/unclaim`), { method: 'POST', headers: as(staff.admin) });
    expect(released.status).toBe(200);
    expect(released.body.assignee).toBeNull();
    expect(released.body.events.at(-1)).toMatchObject({ kind: 'unclaim' });
  });

  it('when the case reaches a final stop, then it leaves the open counts', async () => {
    const declined = await call(api(`/cases/${idea.id}/status`), { headers: as(staff.own), body: { to: 'declined' } });
    expect(declined.body).toMatchObject({ status: { id: 'declined', final: true }, closed: true });
    expect(declined.body.moves).not.toContain('simpler-everyday');
    const { body } = await call(api('/inbox'), { headers: as(staff.own) });
    expect(body.queues.find((q: { id: string }) => q.id === 'ideer')).toMatchObject({ open: 0 });
    expect((await call(api('/inbox/ideer/cases?open=false'), { headers: as(staff.own) })).body.total).toBe(1);
    const reopened = await call(api(`/cases/${idea.id}/status`), { headers: as(staff.own), body: { to: 'decision' } });
    expect(reopened.body).toMatchObject({ status: { id: 'decision' }, closed: false });
  });
});

describe('bad requests', () => {
  let idea: { id: string };
  beforeAll(async () => {
    idea = await submitIdea();
  });

  it.each([
    ['an unknown stop', { to: 'nowhere' }, 'invalid-status'],
    ['the stop it is at', { to: 'received' }, 'invalid-status'],
    ['no stop', { message: 'hej' }, 'invalid-body'],
    ['a stop that is not a string', { to: 3 }, 'invalid-body'],
    ['an unknown property', { to: 'investigating', priority: 'high' }, 'invalid-body'],
    ['a message too long', { to: 'investigating', message: 'x'.repeat(4001) }, 'invalid-text'],
  ])('when a status change names %s, then 422 and nothing changes', async (_name, body, code) => {
    const answer = await call(api(`/cases/${idea.id}/status`), { headers: as(staff.own), body });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe(code);
    expect((await call(api(`/cases/${idea.id}`), { headers: as(staff.own) })).body.status.id).toBe('received');
  });

  it.each([
    ['notes', {}],
    ['notes', { text: '   ' }],
    ['messages', { text: ['a'] }],
    ['messages', []],
  ])('when a %s body is %j, then 422', async (path, body) => {
    expect((await call(api(`/cases/${idea.id}/${path}`), { headers: as(staff.own), body })).status).toBe(422);
  });

  it('when the body is not JSON, then 415', async () => {
    const answer = await call(api(`/cases/${idea.id}/notes`), { method: 'POST', headers: { ...as(staff.own), 'content-type': 'text/plain' }, raw: 'hej' });
    expect(answer.status).toBe(415);
  });

  it.each([['status[$ne]=x'], ['page=0'], ['limit=101'], ['open=yes'], ['assignee=a%20b'], ['sort=asc'], ['page=1&page=2']])('when the list query is %s, then 400', async (query) => {
    const answer = await call(api(`/inbox/ideer/cases?${query}`), { headers: as(staff.own) });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('invalid-query');
  });

  it('when the list is paged, then each page holds its cases and the total stays', async () => {
    await submitIdea();
    const first = await call(api('/inbox/ideer/cases?limit=1&page=1'), { headers: as(staff.own) });
    const second = await call(api('/inbox/ideer/cases?limit=1&page=2'), { headers: as(staff.own) });
    expect(first.body.total).toBeGreaterThanOrEqual(2);
    expect(second.body.total).toBe(first.body.total);
    expect(first.body.cases[0].id).not.toBe(second.body.cases[0].id);
  });

  it('when an unknown queue is listed, then 404 for an admin; a case worker is told it is not theirs (403), as for any queue not given to them', async () => {
    expect((await call(api('/inbox/nope/cases'), { headers: as(staff.admin) })).status).toBe(404);
    const worker = await call(api('/inbox/nope/cases'), { headers: as(staff.own) });
    expect(worker.status).toBe(403);
    expect(worker.body.code).toBe('queue-not-assigned');
  });

  it("when a case of another municipality is asked for by id, then 404 and it is untouched", async () => {
    const krokomCase = await submitFault('krokom');
    const read = await call(api(`/cases/${krokomCase}`), { headers: as(staff.own) });
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('case-not-found');
    expect((await call(api(`/cases/${krokomCase}/claim`), { method: 'POST', headers: as(staff.own) })).status).toBe(404);
    const own = await call(api(`/cases/${krokomCase}`, 'krokom'), { headers: as(staff.other) });
    expect(own.status).toBe(200);
    expect(own.body.assignee).toBeNull();
    expect(own.body.status.id).toBe('received');
  });
});

describe('case workers per queue (issue 6), and the audit of case work', () => {
  let avfallOnly = '';
  let idea: { id: string; reference: string };

  beforeAll(async () => {
    await server.store.putStaffUser({
      id: 'cases-avfall-only',
      username: 'ostersund.avfall-only',
      displayName: 'Handläggare avfall',
      passwordHash: await hashPassword('avfall-only-handlaggare', CHEAP_COST),
      tenantRoles: { ostersund: ['caseworker'] },
      queues: { ostersund: ['avfall'] },
      disabled: false,
      demo: false,
    });
    avfallOnly = await logIn(server.url, 'ostersund.avfall-only', 'avfall-only-handlaggare');
    idea = await submitIdea();
  });

  it('when a case worker given only the waste queue opens the inbox, then it lists and counts that queue alone', async () => {
    const { status, body } = await call(api('/inbox'), { headers: as(avfallOnly) });
    expect(status).toBe(200);
    expect(body.queues.map((q: { id: string }) => q.id)).toEqual(['avfall']);
  });

  it('when that case worker reaches for a case or list of another queue, then 403 queue-not-assigned, and the case is untouched', async () => {
    for (const [path, init] of [
      [`/cases/${idea.id}`, {}],
      [`/cases/${idea.id}/events`, {}],
      ['/inbox/ideer/cases', {}],
      [`/cases/${idea.id}/claim`, { method: 'POST' }],
      [`/cases/${idea.id}/notes`, { body: { text: 'Inte min kö.' } }],
    ] as const) {
      const { status, body } = await call(api(path), { ...init, headers: as(avfallOnly) });
      expect({ path, status, code: body?.code }).toEqual({ path, status: 403, code: 'queue-not-assigned' });
    }
    expect((await server.store.getCase('ostersund', idea.id))?.case.assignee).toBeNull();
    expect(await server.store.listCaseEvents('ostersund', idea.id)).toEqual([]);
  });

  it('when a case worker of the queue reads the case and works it, then each read and change is in the audit log, without the texts', async () => {
    expect((await call(api(`/cases/${idea.id}`), { headers: as(staff.own) })).status).toBe(200);
    expect((await call(api(`/cases/${idea.id}/events`), { headers: as(staff.own) })).status).toBe(200);
    expect((await call(api(`/cases/${idea.id}/claim`), { method: 'POST', headers: as(staff.own) })).status).toBe(200);
    expect((await call(api(`/cases/${idea.id}/status`), { headers: as(staff.own), body: { to: 'investigating', message: 'Vi tittar på den.' } })).status).toBe(200);
    expect((await call(api(`/cases/${idea.id}/notes`), { headers: as(staff.own), body: { text: 'Hemlig anteckning' } })).status).toBe(200);
    expect((await call(api(`/cases/${idea.id}/messages`), { headers: as(staff.own), body: { text: 'Hej från kommunen' } })).status).toBe(200);
    expect((await call(api(`/cases/${idea.id}/unclaim`), { method: 'POST', headers: as(staff.own) })).status).toBe(200);

    const target = `ideer/${idea.id}`;
    const entries = (await server.store.listAudit('ostersund', { limit: 500 })).filter((e) => e.target === target).reverse();
    expect(entries.map((e) => e.kind)).toEqual(['case-read', 'case-history-read', 'case-claimed', 'case-status-changed', 'case-note-added', 'case-message-sent', 'case-released']);
    expect(entries.every((e) => e.actor.kind === 'staff' && e.actor.username === 'ostersund.handlaggare')).toBe(true);
    expect(entries[0]!.detail).toEqual({ reference: idea.reference });
    expect(entries[3]!.detail).toMatchObject({ from: 'received', to: 'investigating', final: false, message: true });
    const logged = JSON.stringify(entries);
    for (const text of ['Vi tittar på den.', 'Hemlig anteckning', 'Hej från kommunen']) expect(logged).not.toContain(text);
  });
});
