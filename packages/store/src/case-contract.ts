/**
 * The case part of the storage contract (issue 7), run by `describeStoreContract` on the store
 * each of its tests made.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '@samform/model';
import { ConflictError, NotFoundError } from '@samform/model';
import type { NewSubmission, Store } from './port.ts';

const idea: ServiceDefinition = {
  id: 'lamna-din-ide',
  title: { sv: 'Lämna din idé' },
  schema: { type: 'object', properties: { title: { type: 'string' } } },
  texts: { title: { label: { sv: 'Idé' } } },
  routing: { queue: 'ideer' },
  workflow: [
    { id: 'idea-received', title: { sv: 'Idén har kommit in' } },
    { id: 'investigating', title: { sv: 'Arbetsgruppen utreder' } },
    { id: 'declined', title: { sv: 'Går inte vidare' }, final: true },
  ],
};

const ideaCase: NewSubmission = {
  id: 'ca5e0000-0000-4000-8000-000000000001',
  reference: 'IDEA-0001',
  serviceOwner: 'ostersund',
  serviceId: 'lamna-din-ide',
  version: 1,
  receivedAt: '2025-05-01T08:00:00.000Z',
  queue: 'ideer',
  locale: 'sv',
  data: { title: 'Sms när plogbilen kommer' },
};
const laterIdea: NewSubmission = { ...ideaCase, id: 'ca5e0000-0000-4000-8000-000000000002', reference: 'IDEA-0002', receivedAt: '2025-05-02T08:00:00.000Z' };
// No published version behind it: the default workflow's first stop.
const leak: NewSubmission = {
  ...ideaCase,
  id: 'ca5e0000-0000-4000-8000-000000000003',
  reference: 'LEAK-0001',
  serviceId: 'felanmalan-va',
  queue: 'va',
  data: { where: 'Storgatan' },
};

async function expectError(promise: Promise<unknown>, type: typeof ConflictError | typeof NotFoundError, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  expect(error).toMatchObject({ code });
}

/** The case contract, on the store of the running test. */
export function describeCaseContract(current: () => Store): void {
  describe('cases', () => {
    async function seed(store: Store): Promise<void> {
      await store.publishServiceVersion('ostersund', { owner: 'ostersund', serviceId: 'lamna-din-ide', version: 1, definition: idea, publishedAt: '2025-04-01T00:00:00.000Z' });
      await store.acceptSubmission('ostersund', ideaCase);
      await store.acceptSubmission('ostersund', laterIdea);
      await store.acceptSubmission('ostersund', leak);
    }

    it('opens every accepted submission as a case at its workflow first stop, with a status token', async () => {
      const store = current();
      await seed(store);
      const opened = await store.getCase('ostersund', ideaCase.id);
      expect(opened).toMatchObject({ ...ideaCase, tenant: 'ostersund', case: { status: 'idea-received', closed: false, assignee: null, updatedAt: ideaCase.receivedAt } });
      expect(opened?.case.statusToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect((await store.getCase('ostersund', leak.id))?.case.status).toBe('received');
      const other = await store.getCase('ostersund', laterIdea.id);
      expect(other?.case.statusToken).not.toBe(opened?.case.statusToken);
    });

    it('finds a case by its status token only in its own tenant', async () => {
      const store = current();
      await seed(store);
      const token = (await store.getCase('ostersund', ideaCase.id))!.case.statusToken;
      expect((await store.findCaseByStatusToken('ostersund', token))?.id).toBe(ideaCase.id);
      expect(await store.findCaseByStatusToken('krokom', token)).toBeNull();
      expect(await store.findCaseByStatusToken('ostersund', 'no-such-token-at-all-here')).toBeNull();
      expect(await store.getCase('krokom', ideaCase.id)).toBeNull();
    });

    it('claims, refuses a second claimer, records nothing for a repeat, and releases', async () => {
      const store = current();
      await seed(store);
      const claimed = await store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'claim', at: '2025-05-03T09:00:00.000Z', by: 'u-anna' });
      expect(claimed.case.case).toMatchObject({ assignee: 'u-anna', updatedAt: '2025-05-03T09:00:00.000Z' });
      expect(claimed.event).toEqual({ kind: 'claim', seq: 1, at: '2025-05-03T09:00:00.000Z', by: 'u-anna' });
      expect((await store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'claim', at: '2025-05-03T09:01:00.000Z', by: 'u-anna' })).event).toBeNull();
      await expectError(store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'claim', at: '2025-05-03T09:02:00.000Z', by: 'u-bo' }), ConflictError, 'case-claimed');
      const released = await store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'unclaim', at: '2025-05-03T10:00:00.000Z', by: 'u-bo' });
      expect(released.case.case.assignee).toBeNull();
      expect((await store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'unclaim', at: '2025-05-03T10:01:00.000Z', by: 'u-bo' })).event).toBeNull();
      expect((await store.listCaseEvents('ostersund', ideaCase.id)).map((e) => [e.seq, e.kind, e.by])).toEqual([
        [1, 'claim', 'u-anna'],
        [2, 'unclaim', 'u-bo'],
      ]);
    });

    it('moves a case between stops only from the stop it is at, and keeps every event in order', async () => {
      const store = current();
      await seed(store);
      const moved = await store.recordCaseEvent('ostersund', ideaCase.id, {
        kind: 'status', from: 'idea-received', to: 'investigating', final: false, message: 'Vi tittar på din idé.', at: '2025-05-04T08:00:00.000Z', by: 'u-anna',
      });
      expect(moved.case.case).toMatchObject({ status: 'investigating', closed: false });
      await expectError(
        store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'status', from: 'idea-received', to: 'declined', final: true, at: '2025-05-04T08:01:00.000Z', by: 'u-bo' }),
        ConflictError,
        'case-status-changed',
      );
      await store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'note', text: 'Finns redan i Krokom?', at: '2025-05-04T09:00:00.000Z', by: 'u-anna' });
      await store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'message', text: 'Kan du berätta mer?', at: '2025-05-04T10:00:00.000Z', by: 'u-anna' });
      const closed = await store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'status', from: 'investigating', to: 'declined', final: true, at: '2025-05-05T08:00:00.000Z', by: 'u-anna' });
      expect(closed.case.case).toMatchObject({ status: 'declined', closed: true, updatedAt: '2025-05-05T08:00:00.000Z' });
      expect(await store.listCaseEvents('ostersund', ideaCase.id)).toEqual([
        { kind: 'status', from: 'idea-received', to: 'investigating', final: false, message: 'Vi tittar på din idé.', seq: 1, at: '2025-05-04T08:00:00.000Z', by: 'u-anna' },
        { kind: 'note', text: 'Finns redan i Krokom?', seq: 2, at: '2025-05-04T09:00:00.000Z', by: 'u-anna' },
        { kind: 'message', text: 'Kan du berätta mer?', seq: 3, at: '2025-05-04T10:00:00.000Z', by: 'u-anna' },
        { kind: 'status', from: 'investigating', to: 'declined', final: true, seq: 4, at: '2025-05-05T08:00:00.000Z', by: 'u-anna' },
      ]);
      expect(await store.listCaseEvents('krokom', ideaCase.id)).toEqual([]);
    });

    it('writes the e-mails an event causes with the event, and none when nothing is recorded', async () => {
      const store = current();
      await seed(store);
      const mail = (id: string) => ({ id, kind: 'case-message', to: ['anna@example.se'], subject: 'Nytt meddelande', text: 'Kan du berätta mer?', createdAt: '2025-05-04T10:00:00.000Z' });
      await store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'message', text: 'Kan du berätta mer?', at: '2025-05-04T10:00:00.000Z', by: 'u-anna' }, { outbox: [mail('m-1')] });
      // A refused move writes no e-mail.
      await expectError(
        store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'status', from: 'investigating', to: 'declined', final: true, message: 'Nej.', at: '2025-05-04T11:00:00.000Z', by: 'u-anna' }, { outbox: [mail('m-2')] }),
        ConflictError,
        'case-status-changed',
      );
      await store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'claim', at: '2025-05-04T12:00:00.000Z', by: 'u-anna' });
      // A claim by the holder records nothing, so its e-mail is not written either.
      await store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'claim', at: '2025-05-04T12:01:00.000Z', by: 'u-anna' }, { outbox: [mail('m-3')] });
      const messages = await store.listOutboxMessages('ostersund', { kind: 'case-message' });
      expect(messages.map((m) => ({ id: m.id, to: m.to, status: m.status }))).toEqual([{ id: 'm-1', to: ['anna@example.se'], status: 'pending' }]);
      expect(await store.listOutboxMessages('krokom', { kind: 'case-message' })).toEqual([]);
    });

    it('refuses events on an unknown case or another tenant case', async () => {
      const store = current();
      await seed(store);
      await expectError(store.recordCaseEvent('krokom', ideaCase.id, { kind: 'note', text: 'x', at: '2025-05-04T08:00:00.000Z', by: 'u' }), NotFoundError, 'case-not-found');
      await expectError(
        store.recordCaseEvent('ostersund', 'ca5e0000-0000-4000-8000-0000000000ff', { kind: 'claim', at: '2025-05-04T08:00:00.000Z', by: 'u' }),
        NotFoundError,
        'case-not-found',
      );
    });

    it('lists a queue cases oldest first, filtered and paged, with the total, and counts open cases', async () => {
      const store = current();
      await seed(store);
      await store.recordCaseEvent('ostersund', laterIdea.id, { kind: 'claim', at: '2025-05-03T09:00:00.000Z', by: 'u-anna' });
      const all = await store.listCases('ostersund', 'ideer');
      expect(all.total).toBe(2);
      expect(all.cases.map((c) => c.reference)).toEqual(['IDEA-0001', 'IDEA-0002']);
      expect(all.cases[0]).not.toHaveProperty('data');
      expect((await store.listCases('ostersund', 'ideer', { assignee: 'u-anna' })).cases.map((c) => c.reference)).toEqual(['IDEA-0002']);
      expect((await store.listCases('ostersund', 'ideer', { assignee: null })).cases.map((c) => c.reference)).toEqual(['IDEA-0001']);
      const paged = await store.listCases('ostersund', 'ideer', { limit: 1, offset: 1 });
      expect(paged).toMatchObject({ total: 2, cases: [{ reference: 'IDEA-0002' }] });
      expect((await store.listCases('ostersund', 'ideer', { status: 'investigating' })).total).toBe(0);
      expect((await store.listCases('krokom', 'ideer')).total).toBe(0);

      await store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'status', from: 'idea-received', to: 'declined', final: true, at: '2025-05-05T08:00:00.000Z', by: 'u-anna' });
      expect((await store.listCases('ostersund', 'ideer', { open: true })).cases.map((c) => c.reference)).toEqual(['IDEA-0002']);
      expect((await store.listCases('ostersund', 'ideer', { open: false })).cases.map((c) => c.reference)).toEqual(['IDEA-0001']);
      expect(await store.countOpenCases('ostersund', 'u-anna')).toEqual([
        { queue: 'ideer', open: 1, unassigned: 0, mine: 1 },
        { queue: 'va', open: 1, unassigned: 1, mine: 0 },
      ]);
      expect(await store.countOpenCases('krokom', 'u-anna')).toEqual([]);
    });

    it('weeds a case and its events with its submission', async () => {
      const store = current();
      await seed(store);
      await store.recordCaseEvent('ostersund', ideaCase.id, { kind: 'note', text: 'x', at: '2025-05-04T08:00:00.000Z', by: 'u' });
      expect(await store.deleteSubmissionWithAttachments('ostersund', ideaCase.id)).toBe(true);
      expect(await store.getCase('ostersund', ideaCase.id)).toBeNull();
      expect(await store.listCaseEvents('ostersund', ideaCase.id)).toEqual([]);
    });
  });
}
