import type { LocalText, ServiceDefinition } from '../definition.ts';

/** A new e-service: an empty object schema, one empty step, routed to `queue` (a tenant's queue id). */
export function newServiceDefinition(id: string, title: LocalText, queue = 'va'): ServiceDefinition {
  return {
    id,
    title: structuredClone(title),
    identification: 'anonymous',
    schema: { type: 'object', additionalProperties: false, properties: {} },
    uiSchema: {},
    texts: {},
    steps: [{ id: 'steg-1', title: { sv: 'Steg 1', en: 'Step 1' }, fields: [] }],
    routing: { queue },
  };
}
