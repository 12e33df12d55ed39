import { createHash } from 'node:crypto';
import type { ServiceDefinition, ServiceVersion } from '@samform/model';
import { canonicalJson } from './canonical-json.ts';
import { bundleValidatorModule } from './validator-module.ts';
import type { ValidatorModule } from './validator-module.ts';

/** Drafts' validator modules for the designer's preview, built on request and kept by the draft's content. */
export interface DraftValidatorModules {
  /** The module of this draft definition: bundled on the first request for it, shared by later ones; rejects when it cannot be built. */
  get(owner: string, serviceId: string, definition: ServiceDefinition): Promise<ValidatorModule>;
  /** How many bundles were started, for tests. */
  readonly builds: number;
}

/** How many drafts' modules are kept: every autosave makes a new one, so the oldest go. */
export const DRAFT_MODULES_KEPT = 64;

/**
 * An empty cache. Unlike a version's module (built when published, never on a citizen's
 * request), a draft's is bundled when a designer's preview asks for it: drafts change with
 * every autosave, only signed-in staff ask, and the preview works without it meanwhile.
 * `bundle` is a parameter for counting in tests.
 */
export function createDraftValidatorModules(
  bundle: (version: ServiceVersion) => Promise<ValidatorModule> = bundleValidatorModule,
  kept = DRAFT_MODULES_KEPT,
): DraftValidatorModules {
  // Insertion order is use order: a hit moves to the end, the first entry is the least recently used.
  const modules = new Map<string, Promise<ValidatorModule>>();
  let builds = 0;
  return {
    get(owner, serviceId, definition) {
      const hash = createHash('sha256').update(canonicalJson(definition)).digest('base64url');
      const key = `${owner}/${serviceId}#${hash}`;
      let found = modules.get(key);
      if (found !== undefined) {
        modules.delete(key);
      } else {
        builds += 1;
        // A failed build stays cached too: the same content would fail the same way.
        found = bundle({ owner, serviceId, version: 0, definition, publishedAt: '' });
        found.catch(() => undefined);
      }
      modules.set(key, found);
      while (modules.size > kept) modules.delete(modules.keys().next().value!);
      return found;
    },
    get builds() {
      return builds;
    },
  };
}
