import { defineConfig } from 'tsup';

// Same shape as the api: workspace packages ship TypeScript source, so they are bundled in;
// npm dependencies stay external and are installed beside dist/.
export default defineConfig({
  entry: ['src/main.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  splitting: false,
  sourcemap: true,
  noExternal: [/^@playloop\//],
  external: [/^(?!@playloop\/)[^./]/],
});
