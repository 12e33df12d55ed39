import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

// Two entries: the citizen pages (index.html, the shell the server renders pages into) and
// the staff area (staff.html, a client-side app the server serves for /staff). They share no
// entry chunk, so the citizen pages never load the staff code. Hashed, immutable assets under
// /assets (the server caches them for a year), and a manifest from which the server learns the
// form page's chunks (to preload them); in development the API is the local server.
export default defineConfig({
  plugins: [react()],
  // @rjsf/core imports markdown-to-jsx for options Samform never uses (see the shim): ~86 KB of
  // minified JavaScript no citizen page needs.
  resolve: { alias: { 'markdown-to-jsx/react': page('src/shims/markdown-as-text.tsx') } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    manifest: true,
    rolldownOptions: {
      input: { index: page('index.html'), staff: page('staff.html') },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
