import type { ServiceVersion, ValidatorModuleExports } from '@samform/model';
import { validatorFromModule } from '@samform/client/ssr';
import type { AnswerValidator } from '@samform/client/ssr';
import { versionKey } from '../services/validator-cache.ts';
import type { ValidatorModuleCache } from '../services/validator-module.ts';

/** The validators server-rendered form pages resolve "show when" with. */
export interface PageValidators {
  /** The version's module as a form validator; undefined while it is not built (rendering never waits for a bundler). */
  get(version: ServiceVersion): Promise<AnswerValidator | undefined>;
}

/**
 * The very module the browser loads for a version (so server render and hydration agree),
 * imported once per version from the bundled source: no ajv compile in the request path.
 */
export function createPageValidators(modules: ValidatorModuleCache, onWarmFailed: (error: unknown, version: ServiceVersion) => void): PageValidators {
  const imported = new Map<string, Promise<AnswerValidator | undefined>>();
  const bySource = new Map<string, Promise<AnswerValidator | undefined>>();
  return {
    async get(version) {
      const key = versionKey(version);
      const found = imported.get(key);
      if (found !== undefined) return found;
      const state = modules.get(version);
      if (state.state === 'absent') modules.warm(version).catch((error: unknown) => onWarmFailed(error, version));
      if (state.state !== 'ready') return undefined;
      // Versions with the same module (the same schema) share one import and one validator: the
      // loader keeps every imported module, keyed by its (base64) data URL, for the process's life.
      let loading = bySource.get(state.module.etag);
      if (loading === undefined) {
        const source = Buffer.from(state.module.source).toString('base64');
        loading = (import(/* @vite-ignore */ `data:text/javascript;base64,${source}`) as Promise<Partial<ValidatorModuleExports>>).then(
          validatorFromModule,
          () => undefined,
        );
        bySource.set(state.module.etag, loading);
      }
      imported.set(key, loading);
      return loading;
    },
  };
}
