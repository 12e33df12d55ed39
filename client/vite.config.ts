import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The citizen pages: hashed, immutable assets under /assets (the server caches them for a
// year), index.html naming them as the shell the server renders pages into, and a manifest
// from which the server learns the form page's chunks (to preload them); in development the
// API is the local server.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    manifest: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
