import type { Submission } from '@samform/store';

/** How a delivered case names its e-service: `serviceId` for the municipality's own, `owner/serviceId` for a shared one (as queue items do). */
export function queueItemServiceName(submission: Submission): string {
  return submission.serviceOwner === submission.tenant ? submission.serviceId : `${submission.serviceOwner}/${submission.serviceId}`;
}
