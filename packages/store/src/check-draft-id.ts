import type { ServiceDefinition } from '@samform/model';
import { UnprocessableError } from '@samform/model';

/** Refuse a draft stored under another service id than the one its definition names. */
export function checkDraftId(serviceId: string, definition: ServiceDefinition): void {
  if (definition.id !== serviceId) {
    throw new UnprocessableError('service-id-mismatch', `A draft of ${serviceId} cannot hold the definition of ${String(definition.id)}`);
  }
}
