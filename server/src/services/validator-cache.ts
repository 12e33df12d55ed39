import { compileService } from '@samform/model';
import type { CompiledService, ServiceDefinition, ServiceVersion } from '@samform/model';

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
      // Versions are immutable, so (owner, service, version) names one schema for ever.
      const key = `${version.owner}/${version.serviceId}@${version.version}`;
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
