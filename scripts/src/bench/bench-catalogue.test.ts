import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '@samform/model';
import type { Queue } from '@samform/store';
import { generatedCatalogue, municipalities, SUBMIT_SERVICE } from './bench-catalogue.ts';

const definition = (id: string): ServiceDefinition =>
  ({ id, title: { sv: id, en: id }, identification: 'anonymous', schema: { type: 'object', properties: {} }, texts: {}, routing: { queue: 'ideer' } }) as ServiceDefinition;
const queues: Queue[] = [{ id: 'ideer', name: { sv: 'Idéer', en: 'Ideas' }, delivery: { kind: 'pull' } }];

describe('generatedCatalogue', () => {
  it('gives every tenant the idea form and numbered copies of the other templates, with every queue', () => {
    const catalogue = generatedCatalogue([definition('felanmalan'), definition(SUBMIT_SERVICE), definition('agarbyte')], queues, { tenants: 3, servicesPerTenant: 4 });
    expect(municipalities(catalogue)).toEqual(['kommun-001', 'kommun-002', 'kommun-003']);
    expect(catalogue.services).toHaveLength(12);
    expect(catalogue.services.filter((s) => s.owner === 'kommun-002').map((s) => s.definition.id)).toEqual([SUBMIT_SERVICE, 'felanmalan-1', 'agarbyte-2', 'felanmalan-3']);
    expect(catalogue.queues['kommun-003']).toEqual(queues);
  });

  it('refuses templates without the e-service the load submits to', () => {
    expect(() => generatedCatalogue([definition('felanmalan')], queues, { tenants: 1, servicesPerTenant: 2 })).toThrow(/lamna-din-ide/);
  });
});
