import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// "A doc that names a thing that does not exist is a bug": every file or folder a reader's doc
// names in backticks is in the repository.

const root = join(__dirname, '../../..');
const DOCS = [
  'README.md',
  'docs/ARCHITECTURE.md',
  'docs/DEVELOPING.md',
  'docs/TEAM-SPACE.md',
  'bench/README.md',
].filter((doc) => existsSync(join(root, doc)));
const TOP = new Set(readdirSync(root).filter((name) => !name.startsWith('.') && name !== 'node_modules'));

/** `lib/app/commit.ts`, `components/list/`, `tests/fixtures/db/`: paths under a top folder of ours. */
function namedPaths(text: string): string[] {
  const out: string[] = [];
  for (const [, inside] of text.matchAll(/`([^`\s]+)`/g)) {
    const path = inside!.replace(/[:),.]+$/, '');
    const top = path.split('/')[0]!;
    // Placeholders (`<lang>`, `*`) and URLs are patterns, not names.
    if (!path.includes('/') || !TOP.has(top) || /[<>*{}]/.test(path)) continue;
    out.push(path);
  }
  return [...new Set(out)];
}

describe('the docs name only what exists', () => {
  it('reads the names a doc gives, placeholders aside', () => {
    expect(namedPaths('see `lib/app/gone.ts`, `components/list/` and `locales/<lang>/x.json`, `a/b`')).toEqual([
      'lib/app/gone.ts',
      'components/list/',
    ]);
    expect(namedPaths(readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8')).length).toBeGreaterThan(50);
  });

  it.each(DOCS)('%s', (doc) => {
    const missing = namedPaths(readFileSync(join(root, doc), 'utf8')).filter((path) => !existsSync(join(root, path)));
    expect(missing).toEqual([]);
  });

  it('ARCHITECTURE.md names every module of lib/app and lib/db', () => {
    const page = readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8');
    const modules = ['lib/app', 'lib/db'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((name) => name.endsWith('.ts'))
        .map((name) => [dir, name] as const),
    );
    expect(modules.length).toBeGreaterThan(40);
    const unnamed = modules
      .filter(([dir, name]) => !page.includes(`\`${name}\``) && !page.includes(`${dir}/${name}`))
      .map(([dir, name]) => `${dir}/${name}`);
    expect(unnamed).toEqual([]);
  });

  it('each doc stays within its length: ARCHITECTURE.md 450 lines, README.md 250', () => {
    const lines = (doc: string) => readFileSync(join(root, doc), 'utf8').trimEnd().split('\n').length;
    expect(lines('docs/ARCHITECTURE.md')).toBeLessThanOrEqual(450);
    expect(lines('README.md')).toBeLessThanOrEqual(250);
  });
});
