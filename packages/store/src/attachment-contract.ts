/**
 * The attachment part of the storage contract (issue 4), run by `describeStoreContract` on the
 * store each of its tests made.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '@samform/model';
import type { NewAttachment, NewSubmission, Store } from './port.ts';

// The first bytes of a real PNG (signature and IHDR), and a NUL and a 0xff to show bytes pass untouched.
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0xff]);

const photo: NewAttachment = {
  id: 'a77a0000-0000-4000-8000-000000000001',
  serviceOwner: 'region-jamtland-harjedalen',
  serviceId: 'felanmalan',
  name: 'läckan vid Storgatan.png',
  type: 'image/png',
  size: PNG_BYTES.length,
  sha256: 'sha256-of-the-png',
  createdAt: '2025-03-01T07:55:00.000Z',
  citizenKey: 'browser-1',
  bytes: PNG_BYTES,
};
const letter: NewAttachment = {
  id: 'a77a0000-0000-4000-8000-000000000002',
  serviceOwner: 'region-jamtland-harjedalen',
  serviceId: 'felanmalan',
  name: 'brev.pdf',
  type: 'application/pdf',
  size: 8,
  sha256: 'sha256-of-the-pdf',
  createdAt: '2025-03-01T07:56:00.000Z',
  bytes: new TextEncoder().encode('%PDF-1.7'),
};

const report: NewSubmission = {
  id: 'a77a0000-0000-4000-8000-0000000000a1',
  reference: 'F0T0-0001',
  serviceOwner: 'region-jamtland-harjedalen',
  serviceId: 'felanmalan',
  version: 1,
  receivedAt: '2025-03-01T08:00:00.000Z',
  queue: 'va',
  locale: 'sv',
  data: { description: 'Läcka', photo: [{ id: photo.id, name: photo.name, type: 'image/png', size: photo.size }] },
};
const other: NewSubmission = { ...report, id: 'a77a0000-0000-4000-8000-0000000000a2', reference: 'F0T0-0002' };

const withoutBytes = ({ bytes: _bytes, ...info }: NewAttachment) => info;

async function expectError(promise: Promise<unknown>, type: typeof ConflictError | typeof NotFoundError, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  expect(error).toMatchObject({ code });
}

/** The attachment contract, on the store of the running test. */
export function describeAttachmentContract(storeOf: () => Store): void {
  describe('attachments', () => {
    it('keeps the bytes and metadata of an upload, unlinked', async () => {
      const store = storeOf();
      await store.putAttachment('ostersund', photo);
      const found = await store.getAttachment('ostersund', photo.id);
      expect(found && { ...found, bytes: [...found.bytes] }).toEqual({ ...withoutBytes(photo), submissionId: null, bytes: [...PNG_BYTES] });
      expect(await store.getAttachment('ostersund', letter.id)).toBeNull();
    });

    it('never finds an attachment through another tenant', async () => {
      const store = storeOf();
      await store.putAttachment('ostersund', photo);
      expect(await store.getAttachment('krokom', photo.id)).toBeNull();
      await expectError(store.linkAttachments('krokom', report.id, [photo.id]), NotFoundError, 'submission-not-found');
      expect(await store.deleteUnlinkedAttachmentsBefore('krokom', new Date('2030-01-01T00:00:00Z'))).toBe(0);
      expect(await store.getAttachment('ostersund', photo.id)).not.toBeNull();
    });

    it('refuses a second attachment with the same id, keeping the first', async () => {
      const store = storeOf();
      await store.putAttachment('ostersund', photo);
      await expectError(store.putAttachment('ostersund', { ...letter, id: photo.id }), ConflictError, 'attachment-exists');
      expect((await store.getAttachment('ostersund', photo.id))?.name).toBe(photo.name);
    });

    it('links attachments in the same write as the submission, without echoing their ids', async () => {
      const store = storeOf();
      await store.putAttachment('ostersund', photo);
      await store.putAttachment('ostersund', letter);
      const result = await store.acceptSubmission('ostersund', { ...report, attachmentIds: [photo.id, letter.id] });
      expect(result).toEqual({ submission: { ...report, tenant: 'ostersund' }, replayed: false });
      expect(await store.getSubmission('ostersund', report.id)).toEqual({ ...report, tenant: 'ostersund' });
      expect((await store.getAttachment('ostersund', photo.id))?.submissionId).toBe(report.id);
      expect((await store.getAttachment('ostersund', letter.id))?.submissionId).toBe(report.id);
    });

    it('refuses a submission whose attachment is missing or another tenant\'s, storing nothing', async () => {
      const store = storeOf();
      await store.putAttachment('krokom', photo);
      await expectError(store.acceptSubmission('ostersund', { ...report, attachmentIds: [photo.id] }, { key: 'k1', fingerprint: 'f1' }), ConflictError, 'attachment-unavailable');
      expect(await store.getSubmission('ostersund', report.id)).toBeNull();
      expect(await store.findIdempotentSubmission('ostersund', { key: 'k1', fingerprint: 'f1' })).toBeNull();
      expect((await store.getAttachment('krokom', photo.id))?.submissionId).toBeNull();
    });

    it('refuses a second submission claiming a linked attachment, storing nothing', async () => {
      const store = storeOf();
      await store.putAttachment('ostersund', photo);
      await store.acceptSubmission('ostersund', { ...report, attachmentIds: [photo.id] });
      await expectError(store.acceptSubmission('ostersund', { ...other, attachmentIds: [photo.id] }), ConflictError, 'attachment-unavailable');
      expect(await store.getSubmission('ostersund', other.id)).toBeNull();
      expect((await store.getAttachment('ostersund', photo.id))?.submissionId).toBe(report.id);
    });

    it('replays an idempotent retry that names the same attachments', async () => {
      const store = storeOf();
      await store.putAttachment('ostersund', photo);
      const claim = { key: 'idem-photo', fingerprint: 'f-photo' };
      await store.acceptSubmission('ostersund', { ...report, attachmentIds: [photo.id] }, claim);
      const retry = await store.acceptSubmission('ostersund', { ...other, attachmentIds: [photo.id] }, claim);
      expect(retry).toEqual({ submission: { ...report, tenant: 'ostersund' }, replayed: true });
    });

    it('links attachments to a stored submission, again without harm, but never one of another submission', async () => {
      const store = storeOf();
      await store.putAttachment('ostersund', photo);
      await store.putAttachment('ostersund', letter);
      await store.acceptSubmission('ostersund', report);
      await store.acceptSubmission('ostersund', other);
      await store.linkAttachments('ostersund', report.id, [photo.id]);
      await store.linkAttachments('ostersund', report.id, [photo.id]);
      expect((await store.getAttachment('ostersund', photo.id))?.submissionId).toBe(report.id);
      await expectError(store.linkAttachments('ostersund', other.id, [letter.id, photo.id]), ConflictError, 'attachment-unavailable');
      await expectError(store.linkAttachments('ostersund', other.id, ['a77a0000-0000-4000-8000-00000000ffff']), NotFoundError, 'attachment-not-found');
      await expectError(store.linkAttachments('ostersund', 'no-such-submission', [letter.id]), NotFoundError, 'submission-not-found');
    });

    it('deletes a case with its attachments and its queue item, leaving other cases and tenants alone', async () => {
      const store = storeOf();
      await store.putAttachment('ostersund', photo);
      await store.putAttachment('ostersund', letter);
      await store.putAttachment('krokom', photo);
      await store.acceptSubmission('ostersund', { ...report, attachmentIds: [photo.id] }, { key: 'k-del', fingerprint: 'f' });
      await store.acceptSubmission('ostersund', { ...other, attachmentIds: [letter.id] });
      await store.acceptSubmission('krokom', { ...report, attachmentIds: [photo.id] });

      expect(await store.deleteSubmissionWithAttachments('ostersund', report.id)).toBe(true);
      expect(await store.getSubmission('ostersund', report.id)).toBeNull();
      expect(await store.getAttachment('ostersund', photo.id)).toBeNull();
      expect((await store.listQueueItems('ostersund', 'va')).map((item) => item.id)).toEqual([other.id]);
      expect(await store.getAttachment('ostersund', letter.id)).not.toBeNull();
      expect(await store.getSubmission('krokom', report.id)).not.toBeNull();
      expect(await store.getAttachment('krokom', photo.id)).not.toBeNull();
      expect(await store.deleteSubmissionWithAttachments('ostersund', report.id)).toBe(false);
    });

    it('deletes only the unlinked attachments created before the time given', async () => {
      const store = storeOf();
      const late: NewAttachment = { ...letter, id: 'a77a0000-0000-4000-8000-000000000003', createdAt: '2025-03-02T12:00:00.000Z' };
      await store.putAttachment('ostersund', photo);
      await store.putAttachment('ostersund', letter);
      await store.putAttachment('ostersund', late);
      await store.acceptSubmission('ostersund', { ...report, attachmentIds: [photo.id] });

      expect(await store.deleteUnlinkedAttachmentsBefore('ostersund', new Date('2025-03-02T00:00:00.000Z'))).toBe(1);
      expect(await store.getAttachment('ostersund', letter.id)).toBeNull();
      expect(await store.getAttachment('ostersund', photo.id)).not.toBeNull();
      expect(await store.getAttachment('ostersund', late.id)).not.toBeNull();
    });
  });
}
