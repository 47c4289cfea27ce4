import { defineConfig } from 'tsup';

// No dependencies beyond Node itself: the sandbox runs anywhere the api runs.
export default defineConfig({
  entry: ['src/main.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  splitting: false,
  sourcemap: true,
});
