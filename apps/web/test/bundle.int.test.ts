import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The staff console must never reach a player's browser: it is loaded with `import()` when
 * someone opens /admin. This builds the SPA exactly as `npm run build -w @playloop/web` does (into
 * a temporary folder, so a stale dist/ can neither hide nor fake a regression) and reads the output.
 */
const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let outDir = '';
let marker = '';
const files = new Map<string, string>();

/** Files the page loads up front: index.html's script and preloads, then their static imports. */
function loadedByIndex(html: string): Set<string> {
  const start = [
    ...html.matchAll(
      /<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g,
    ),
  ].map((m) => m[1] as string);
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = files.get(file) ?? '';
    // Static `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`; never `import("./x.js")`.
    for (const m of code.matchAll(/\b(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) {
      queue.push(path.posix.join(path.posix.dirname(file), m[1] as string));
    }
  }
  return seen;
}

beforeAll(async () => {
  const source = await readFile(path.join(WEB, 'src/admin/admin-console.tsx'), 'utf8');
  marker = /ADMIN_CONSOLE_MARKER = '([^']+)'/.exec(source)?.[1] ?? '';
  outDir = await mkdtemp(path.join(tmpdir(), 'playloop-web-build-'));
  await build({
    root: WEB,
    configFile: path.join(WEB, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  for (const name of await readdir(path.join(outDir, 'assets'))) {
    if (name.endsWith('.js'))
      files.set(`assets/${name}`, await readFile(path.join(outDir, 'assets', name), 'utf8'));
  }
}, 120_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the built SPA', () => {
  it('keeps the staff console out of what index.html loads, in a chunk of its own', async () => {
    expect(marker, 'admin-console.tsx exports ADMIN_CONSOLE_MARKER').toMatch(/^playloop-admin-/);
    const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
    const upFront = loadedByIndex(html);
    expect(upFront.size).toBeGreaterThan(0);

    const withMarker = [...files].filter(([, code]) => code.includes(marker)).map(([name]) => name);
    expect(withMarker, 'exactly one chunk holds the console').toHaveLength(1);
    const adminChunk = withMarker[0] as string;
    expect([...upFront].filter((f) => files.get(f)?.includes(marker))).toEqual([]);
    expect(upFront.has(adminChunk)).toBe(false);

    // The console's own words travel with it, not with the player's pages.
    const consoleOnlyPhrase = 'Rewards against budget';
    expect(files.get(adminChunk)).toContain(consoleOnlyPhrase);
    expect([...upFront].filter((f) => files.get(f)?.includes(consoleOnlyPhrase))).toEqual([]);

    // …and the player's entry reaches it only through a dynamic import.
    const chunkName = path.posix.basename(adminChunk);
    const entries = [...upFront].filter((f) => files.get(f)?.includes(chunkName));
    expect(entries.length).toBeGreaterThan(0);
    for (const f of entries)
      expect(files.get(f)).toMatch(
        new RegExp(`import\\(\\s*["'\`]\\./${chunkName.replace(/[.-]/g, '\\$&')}["'\`]`),
      );
  });
});
