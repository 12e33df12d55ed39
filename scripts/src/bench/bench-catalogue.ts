import type { ServiceDefinition } from '@samform/model';
import type { DemoForms } from '@samform/server';
import type { Queue, Tenant } from '@samform/store';

/** What a benchmark server is seeded with: tenants, their queues and their own e-services. */
export type BenchCatalogue = DemoForms;

/** The e-service every generated tenant has, and the one the submit load sends to. */
export const SUBMIT_SERVICE = 'lamna-din-ide';

/**
 * `tenants` generated municipalities (`kommun-001`, …), each with every queue of forms/ and
 * `servicesPerTenant` e-services of its own: first the idea form, then copies of forms/
 * definitions in turn with numbered ids, so each tenant serves real-sized, distinct versions.
 */
export function generatedCatalogue(
  templates: readonly ServiceDefinition[],
  queues: readonly Queue[],
  options: { tenants: number; servicesPerTenant: number },
): BenchCatalogue {
  const idea = templates.find((t) => t.id === SUBMIT_SERVICE);
  if (idea === undefined) throw new Error(`forms/ has no ${SUBMIT_SERVICE} e-service to submit to`);
  const others = templates.filter((t) => t !== idea);
  if (others.length === 0 && options.servicesPerTenant > 1) throw new Error('forms/ has no other e-service to copy');
  const tenants: Tenant[] = [];
  const tenantQueues: Record<string, Queue[]> = {};
  const services: BenchCatalogue['services'] = [];
  for (let n = 1; n <= options.tenants; n++) {
    const id = `kommun-${String(n).padStart(3, '0')}`;
    tenants.push({ id, name: `Kommun ${n}`, kind: 'municipality', memberOf: [] });
    tenantQueues[id] = [...queues];
    services.push({ owner: id, definition: idea });
    for (let s = 1; s < options.servicesPerTenant; s++) {
      const template = others[(s - 1) % others.length]!;
      services.push({ owner: id, definition: { ...template, id: `${template.id}-${s}` } });
    }
  }
  return { tenants, queues: tenantQueues, services };
}

/** The tenant ids of a catalogue that citizens can submit at. */
export function municipalities(catalogue: BenchCatalogue): string[] {
  return catalogue.tenants.filter((t) => t.kind === 'municipality').map((t) => t.id);
}
