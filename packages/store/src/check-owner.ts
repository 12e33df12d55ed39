import type { ServiceVersion } from '@samform/model';
import { UnprocessableError } from '@samform/model';

/** Refuse a version published under another tenant than the one it names as owner. */
export function checkOwner(tenant: string, version: ServiceVersion): void {
  if (version.owner !== tenant) {
    throw new UnprocessableError(
      'service-owner-mismatch',
      `Version of ${version.owner}/${version.serviceId} cannot be published by ${tenant}`,
    );
  }
}
