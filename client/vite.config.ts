import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Alias } from 'vite';

const page = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

// The citizen pages run on Preact through its React-compatible API (ADR 0018): the same
// components, hooks and markup as in the server's render and the staff preview, for about a
// tenth of react-dom's weight on a citizen's phone. The staff area keeps React.
// Absolute files, so the workspace packages (which do not depend on Preact) resolve them too.
const preact = dirname(createRequire(import.meta.url).resolve('preact/package.json'));
const PREACT: Alias[] = [
  { find: /^react-dom\/client$/, replacement: join(preact, 'compat/client.mjs') },
  { find: /^react-dom$/, replacement: join(preact, 'compat/dist/compat.mjs') },
  { find: /^react\/jsx-(dev-)?runtime$/, replacement: join(preact, 'jsx-runtime/dist/jsxRuntime.mjs') },
  { find: /^react$/, replacement: join(preact, 'compat/dist/compat.mjs') },
];

// Two builds into one folder (`vite build && vite build --mode staff`): the citizen pages
// (index.html, the shell the server renders pages into) on Preact, and the staff area
// (staff.html, a client-side app the server serves for /staff) on React. They share no chunk,
// so the citizen pages never load staff code. Hashed, immutable assets under /assets (the
// server caches them for a year), and the citizen build's manifest, from which the server
// learns the form page's chunks (to preload them). In development both run on React and the
// API is the local server.
export default defineConfig(({ command, mode }) => {
  const staff = mode === 'staff';
  return {
    plugins: [react()],
    resolve: { alias: command === 'build' && !staff ? PREACT : [] },
    build: {
      outDir: 'dist',
      emptyOutDir: !staff,
      assetsDir: 'assets',
      sourcemap: true,
      manifest: staff ? '.vite/staff-manifest.json' : true,
      rolldownOptions: {
        input: staff ? page('staff.html') : page('index.html'),
      },
    },
    server: {
      proxy: { '/api': 'http://localhost:3000' },
    },
  };
});
