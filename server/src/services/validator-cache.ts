import { createHash } from 'node:crypto';
import { compileService } from '@samform/model';
import type { CompiledService, ServiceDefinition, ServiceVersion } from '@samform/model';
import { canonicalJson } from './canonical-json.ts';

// A definition that is not the stored version's own (an adoption's effective one) carries the
// key of what changed it; the stored ones need none, since a version never changes.
const variants = new WeakMap<ServiceDefinition, string>();

/** Mark `definition` as the version's definition changed by `changes` (an adoption's overrides). */
export function markVariant(definition: ServiceDefinition, changes: unknown): void {
  variants.set(definition, createHash('sha256').update(canonicalJson(changes)).digest('base64url').slice(0, 22));
}

/**
 * The cache key of a served version: (owner, service, version), and for an adoption with
 * overrides the hash of those overrides, because it serves its own effective definition of the
 * same version. Nothing is hashed per request for a stored version.
 */
export function versionKey(version: ServiceVersion): string {
  const variant = variants.get(version.definition);
  return `${version.owner}/${version.serviceId}@${version.version}${variant === undefined ? '' : `#${variant}`}`;
}

/** Compiled validators per published version; a version is compiled at most once per process. */
export interface ValidatorCache {
  /** The validator of exactly this (owner, service, version), compiling it on first use. */
  get(version: ServiceVersion): CompiledService;
  /** Versions with a validator so far (versions of the same schema share one compiled validator). */
  readonly size: number;
}

/**
 * The key of what a validator is compiled from: the schema alone. Versions with the same schema
 * (the members adopting one shared version, e-services copied from one template, a republish
 * that only changed texts outside the schema) share one compiled validator, and with it one ajv.
 */
export function schemaKey(definition: ServiceDefinition): string {
  return createHash('sha256').update(canonicalJson(definition.schema)).digest('base64url');
}

/** An empty cache; `compile` is ajv's compile of a definition (a parameter for counting in tests). */
export function createValidatorCache(compile: (definition: ServiceDefinition) => CompiledService = compileService): ValidatorCache {
  const compiled = new Map<string, CompiledService>();
  const bySchema = new Map<string, CompiledService>();
  return {
    get(version) {
      // Versions are immutable, so the key names one schema for ever.
      const key = versionKey(version);
      let validator = compiled.get(key);
      if (validator === undefined) {
        // Only on a version's first use (start-up, publish): hash its schema and share what is compiled.
        const shared = schemaKey(version.definition);
        const same = bySchema.get(shared);
        if (same === undefined) {
          validator = compile(version.definition);
          bySchema.set(shared, validator);
        } else {
          validator = { definition: version.definition, validate: same.validate };
        }
        compiled.set(key, validator);
      }
      return validator;
    },
    get size() {
      return compiled.size;
    },
  };
}
