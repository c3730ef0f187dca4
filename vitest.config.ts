import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (index.js) and ESM (index.mjs). type-graphql and Apollo load the
    // CommonJS copy; without this alias vitest would hand our own files the ESM copy, and the
    // two copies' classes fail each other's instanceof checks. Node itself resolves to index.js.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    setupFiles: ['tests/setup.ts'],
    pool: 'forks',
  },
});
