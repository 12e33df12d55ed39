import { fileURLToPath } from 'node:url';
import { bundleNode } from '@samform/server/bundle-node';

const OUT_DIR = fileURLToPath(new URL('../../dist/bench', import.meta.url));
let built: Promise<string> | undefined;

/**
 * server-process.ts bundled into plain JavaScript (once per run), so the measured server runs
 * under `node` without a TypeScript loader, as `pnpm start` runs server/dist/main.js.
 */
export function bundledServerProcess(): Promise<string> {
  built ??= bundleNode({ entries: { 'server-process': fileURLToPath(new URL('./server-process.ts', import.meta.url)) }, outdir: OUT_DIR }).then(
    () => `${OUT_DIR}/server-process.js`,
  );
  return built;
}
