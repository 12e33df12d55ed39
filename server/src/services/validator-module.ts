import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';
import type { ServiceVersion } from '@samform/model';
import { compileServiceModule, RUNTIME_MODULE } from '@samform/model/service-module';
import { offeredServices } from './catalog-service.ts';
import type { ServiceDeps } from './service-deps.ts';
import { schemaKey, versionKey } from './validator-cache.ts';

/** A version's validator as one self-contained ES module, ready to serve. */
export interface ValidatorModule {
  source: string;
  /** A strong ETag of `source`. */
  etag: string;
}

/** Where a version's module stands in the cache. */
export type ValidatorModuleState = { state: 'ready'; module: ValidatorModule } | { state: 'building' } | { state: 'failed' } | { state: 'absent' };

/** Bundled validator modules per published version; bundling happens only in `warm`. */
export interface ValidatorModuleCache {
  /** What the cache holds for this version; never builds (requests must not wait for a bundler). */
  get(version: ServiceVersion): ValidatorModuleState;
  /** Build this version's module once (later calls share the first build); rejects when it cannot be built. */
  warm(version: ServiceVersion): Promise<ValidatorModule>;
  /** Modules ready so far. */
  readonly size: number;
}

const requireHere = createRequire(import.meta.url);
const runtimePath = requireHere.resolve(RUNTIME_MODULE);

// The generated code reaches the model's runtime by its package name; the ajv runtime files
// resolve from the model package, which depends on ajv.
const samformRuntime: Plugin = {
  name: 'samform-runtime',
  setup(bundler) {
    bundler.onResolve({ filter: /^@samform\/model\/runtime$/ }, () => ({ path: runtimePath }));
  },
};

/** The version's ajv standalone code bundled with its runtime into one minified browser ES module. */
export async function bundleValidatorModule(version: ServiceVersion): Promise<ValidatorModule> {
  const result = await build({
    stdin: {
      contents: compileServiceModule(version.definition),
      resolveDir: path.dirname(runtimePath),
      sourcefile: `${version.owner}/${version.serviceId}@${version.version}.js`,
      loader: 'js',
    },
    plugins: [samformRuntime],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const source = result.outputFiles[0]?.text;
  if (source === undefined) throw new Error('esbuild produced no output');
  return { source, etag: `"${createHash('sha256').update(source).digest('base64url')}"` };
}

/** An empty cache; `bundle` builds one version's module (a parameter for counting in tests). */
export function createValidatorModuleCache(bundle: (version: ServiceVersion) => Promise<ValidatorModule> = bundleValidatorModule): ValidatorModuleCache {
  // One build per distinct schema: the module is made from the schema alone, so versions with
  // the same schema (adopters of one shared version, copies of one template) share its source.
  const bySchema = new Map<string, Promise<ValidatorModule>>();
  const builds = new Map<string, Promise<ValidatorModule>>();
  const states = new Map<string, ValidatorModuleState>();
  let ready = 0;
  // Versions are immutable, so the key (with the effective definition's hash) names one module for ever.
  const keyOf = versionKey;
  return {
    get(version) {
      return states.get(keyOf(version)) ?? { state: 'absent' };
    },
    warm(version) {
      const key = keyOf(version);
      let pending = builds.get(key);
      if (pending === undefined) {
        states.set(key, { state: 'building' });
        const shared = schemaKey(version.definition);
        let built = bySchema.get(shared);
        if (built === undefined) {
          built = bundle(version);
          bySchema.set(shared, built);
        }
        pending = built.then(
          (module) => {
            states.set(key, { state: 'ready', module });
            ready += 1;
            return module;
          },
          (error: unknown) => {
            // A failed build is not retried: the version cannot change, and the page falls back to the server.
            states.set(key, { state: 'failed' });
            throw error;
          },
        );
        builds.set(key, pending);
      }
      return pending;
    },
    get size() {
      return ready;
    },
  };
}

/** Bundle the validator module of every version any tenant serves; a version that fails is logged and skipped. */
export async function warmValidatorModules(deps: ServiceDeps, modules: ValidatorModuleCache): Promise<number> {
  const versions = new Map<string, ServiceVersion>();
  for (const tenant of await deps.store.listTenants()) {
    for (const { version } of await offeredServices(deps, tenant)) versions.set(versionKey(version), version);
  }
  await Promise.all(
    [...versions.values()].map((version) =>
      modules.warm(version).catch((error: unknown) => {
        deps.log.warn({ err: error, owner: version.owner, serviceId: version.serviceId, version: version.version }, 'validator module could not be built');
      }),
    ),
  );
  return modules.size;
}
