import { createHash } from 'node:crypto';
import { compileService } from '@samform/model';
import type { CompiledService, ServiceDefinition, ServiceVersion } from '@samform/model';
import { canonicalJson } from './canonical-json.ts';

const hashes = new WeakMap<ServiceDefinition, string>();

/**
 * The cache key of a served version: (owner, service, version) and a hash of its definition,
 * because an adoption with overrides serves its own effective definition of the same version.
 */
export function versionKey(version: ServiceVersion): string {
  let hash = hashes.get(version.definition);
  if (hash === undefined) {
    hash = createHash('sha256').update(canonicalJson(version.definition)).digest('base64url').slice(0, 22);
    hashes.set(version.definition, hash);
  }
  return `${version.owner}/${version.serviceId}@${version.version}#${hash}`;
}

/** Compiled validators per published version; a version is compiled at most once per process. */
export interface ValidatorCache {
  /** The validator of exactly this (owner, service, version), compiling it on first use. */
  get(version: ServiceVersion): CompiledService;
  /** Versions compiled so far. */
  readonly size: number;
}

/** An empty cache; `compile` is ajv's compile of a definition (a parameter for counting in tests). */
export function createValidatorCache(compile: (definition: ServiceDefinition) => CompiledService = compileService): ValidatorCache {
  const compiled = new Map<string, CompiledService>();
  return {
    get(version) {
      // Versions are immutable, so the key names one schema for ever.
      const key = versionKey(version);
      let validator = compiled.get(key);
      if (validator === undefined) {
        validator = compile(version.definition);
        compiled.set(key, validator);
      }
      return validator;
    },
    get size() {
      return compiled.size;
    },
  };
}
