// `pnpm --filter @samform/server build`: server/dist/main.js (`pnpm start`) and worker.js
// (`pnpm worker`), run by plain `node`.
import { fileURLToPath } from 'node:url';
import { bundleNode } from './bundle-node.ts';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));
await bundleNode({
  entries: { main: `${serverDir}/src/main.ts`, worker: `${serverDir}/src/worker.ts` },
  outdir: `${serverDir}/dist`,
});
console.log('server built: server/dist/main.js, server/dist/worker.js');
