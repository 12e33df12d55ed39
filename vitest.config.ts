import { defineConfig } from 'vitest/config';

// One run covers every workspace; the browser journeys are their own project so they can
// be run alone (`pnpm test:e2e`) and get longer time-outs.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'model', root: 'packages/model', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      { test: { name: 'store', root: 'packages/store', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      { test: { name: 'renderer', root: 'packages/renderer', include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'] } },
      { test: { name: 'server', root: 'server', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 20_000 } },
      { test: { name: 'client', root: 'client', include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'] } },
      { test: { name: 'forms', root: 'forms', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      { test: { name: 'scripts', root: 'scripts', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      { test: { name: 'e2e', root: 'e2e', include: ['**/*.e2e.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
