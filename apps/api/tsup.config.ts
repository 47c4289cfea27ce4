import { defineConfig } from 'tsup';

// Workspace packages ship TypeScript source, so they are bundled in; npm dependencies stay external.
export default defineConfig({
  entry: ['src/main.ts', 'src/worker.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  splitting: false,
  sourcemap: true,
  noExternal: [/^@playloop\//],
  external: [/^(?!@playloop\/)[^./]/],
});
