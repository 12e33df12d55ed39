import { createHash, createHmac } from 'node:crypto';
import type { Submission } from '@samform/store';
import { queueItemServiceName } from './queue-item-service-name.ts';

/** The stable id of a submission's `submission.received` event: the same on every retry, so receivers can de-duplicate. */
export function eventIdOf(tenant: string, submissionId: string): string {
  const hash = createHash('sha256').update(`submission.received\n${tenant}\n${submissionId}`).digest('hex');
  return `evt_${hash.slice(0, 32)}`;
}

/** The JSON body of a webhook delivery, as the contract in issue 7 gives it. Identical on every retry. */
export function webhookBody(submission: Submission): string {
  return JSON.stringify({
    event: { id: eventIdOf(submission.tenant, submission.id), type: 'submission.received', createdAt: submission.receivedAt },
    submission: {
      id: submission.id,
      reference: submission.reference,
      tenant: submission.tenant,
      service: queueItemServiceName(submission),
      version: submission.version,
      receivedAt: submission.receivedAt,
      queue: submission.queue,
      data: submission.data,
    },
  });
}

/** The `Samform-Signature` value: `sha256=` and the hex HMAC-SHA256 of "{timestamp}.{raw body}" with the queue's secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The three headers of a delivery sent at `now`. */
export function webhookHeaders(secret: string, eventId: string, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { 'Samform-Event-Id': eventId, 'Samform-Timestamp': String(timestamp), 'Samform-Signature': signWebhook(secret, timestamp, body) };
}
