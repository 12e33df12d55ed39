/**
 * Bundles Node entry points (the server, the delivery worker, a benchmark's server process) into
 * plain ES modules that `node` runs without a TypeScript loader: tsx costs ~35 MB of RSS and its
 * start-up, a production server needs neither.
 *
 * The workspace's own sources (@samform/*, relative .ts/.tsx files) are bundled; every package
 * from node_modules stays external. An external is written as a path relative to the output, to
 * the very file the importing source resolves to, because pnpm installs strictly: `react`, which
 * the client's SSR module imports, cannot be resolved by name from server/dist.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { extname, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';

/**
 * V8 flags the built server runs with (`pnpm start`, `pnpm worker`, the benchmark's server): a
 * young generation of 1 MB semi-spaces instead of up to 16 MB, the part of the heap that grew
 * with garbage under load. In the bench (ADR 0020) it keeps a 510-e-service server at about
 * 143 MB instead of 161 MB; `--optimize-for-size` saved more (125 MB) but cost a fifth of the
 * submit rate and doubled the p99 at half rate.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];

/** What to bundle and where. */
export interface BundleNodeOptions {
  /** Output name (without .js) → entry source file. */
  entries: Record<string, string>;
  /** Folder the bundles (and the chunks they share) are written to. */
  outdir: string;
}

const BUILTINS = new Set(builtinModules);

function isBare(path: string): boolean {
  return !path.startsWith('.') && !path.startsWith('/') && !/^[a-z]+:/i.test(path);
}

function isBuiltin(path: string): boolean {
  return path.startsWith('node:') || BUILTINS.has(path) || BUILTINS.has(path.split('/')[0]!);
}

/** A path as an ES module specifier relative to `fromDir` (always starting with ./ or ../, / separators). */
function relativeSpecifier(fromDir: string, to: string): string {
  const path = relative(fromDir, to).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * A bundled module's `import.meta.url` becomes the output file's; the workspace computes paths
 * from it (client/dist, forms/, the model's runtime for validator modules). Each workspace
 * source gets its own URL back, relative to the output, so the paths hold wherever the checkout lives.
 */
function ownImportMetaUrl(outdir: string): Plugin {
  return {
    name: 'own-import-meta-url',
    setup(bundler) {
      bundler.onLoad({ filter: /\.(ts|tsx|mts)$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        const ext = extname(args.path);
        const loader = ext === '.tsx' ? 'tsx' : 'ts';
        if (!source.includes('import.meta.url')) return { contents: source, loader };
        const own = `new URL(${JSON.stringify(relativeSpecifier(outdir, args.path))}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', own), loader };
      });
    },
  };
}

/** Packages from node_modules stay external, addressed by the file the importer resolves them to. */
function externalPackages(outdir: string): Plugin {
  return {
    name: 'external-packages',
    setup(bundler) {
      bundler.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === 'entry-point' || !isBare(args.path) || args.pluginData === 'resolving') return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        // The workspace's packages are TypeScript sources: bundled.
        if (args.path.startsWith('@samform/')) return undefined;
        const found = await bundler.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'resolving' });
        if (found.errors.length > 0) return { errors: found.errors };
        return { path: relativeSpecifier(outdir, found.path), external: true };
      });
    },
  };
}

/**
 * What `<name>.js` runs: NODE_ENV set before any package loads (the bundle's imports are all
 * evaluated before its first line), so React and Express run their production builds, as
 * their own installs expect of a production process, unless the operator says otherwise.
 */
function launcher(name: string): string {
  return `// Built by server/src/build/bundle-node.ts.\nprocess.env.NODE_ENV ??= 'production';\nawait import('./${name}.bundle.js');\n`;
}

/** Bundle `entries` into `outdir` as ES modules for Node 20 (`<name>.js` runs one); resolves once written. */
export async function bundleNode(options: BundleNodeOptions): Promise<void> {
  const outdir = resolve(options.outdir);
  // Written over the last build, never emptied first: a running server (or worker) may still
  // import one of its lazily loaded chunks, whose content-hashed name stays while its code does.
  await build({
    entryPoints: Object.fromEntries(Object.entries(options.entries).map(([name, file]) => [`${name}.bundle`, resolve(file)])),
    outdir,
    bundle: true,
    // Lazily imported parts (the demo IdP, the demo mailbox, MongoDB) stay in chunks of their
    // own, loaded only when used, as under tsx.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Resolve packages as Node does (no "module" condition or field), so each external is the file Node would load.
    conditions: [],
    mainFields: ['main'],
    jsx: 'automatic',
    sourcemap: 'linked',
    // Error stacks name the sources (node --enable-source-maps).
    sourcesContent: false,
    // Chunks sit next to the entries: each module's rewritten import.meta.url is relative to outdir.
    chunkNames: '[name]-[hash]',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [externalPackages(outdir), ownImportMetaUrl(outdir)],
  });
  for (const name of Object.keys(options.entries)) await writeFile(resolve(outdir, `${name}.js`), launcher(name));
}
