/** How a queue item names its e-service: `serviceId` when the receiving municipality owns it, `owner/serviceId` for a shared one. */
export function queueItemService(tenant: string, serviceOwner: string, serviceId: string): string {
  return serviceOwner === tenant ? serviceId : `${serviceOwner}/${serviceId}`;
}
