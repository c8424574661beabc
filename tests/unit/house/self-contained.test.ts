import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A user's clone has nothing beside it: no file of the project may name a path outside the
 * repository (a sibling folder, `..` above the root), or `npm test` breaks there.
 */
const root = resolve(import.meta.dirname, '../../..');
const SIBLING = ['..', 'shared'].join('/');

function trackedFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .filter(Boolean)
    .filter((file) => existsSync(join(root, file)))
    .filter(
      (file) =>
        !file.startsWith('tests/fixtures/') &&
        file !== 'package-lock.json' &&
        !/\.(png|jpe?g|webm|ico|gz|zip)$/.test(file),
    );
}

/** Relative paths in quotes, in Markdown links and in `resolve(…, '..')`-style segments. */
function relativePaths(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/['"`(](\.\.?\/[^'"`)\s]*)/g)) found.push(match[1]!);
  return found;
}

describe('the project is self-contained', () => {
  const files = trackedFiles();

  it('reads the project’s files', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('README.md');
  });

  it(`no file names the ${SIBLING} folder beside the repository`, () => {
    const naming = files.filter((file) => readFileSync(join(root, file), 'utf8').includes(SIBLING));
    expect(naming).toEqual([]);
  });

  it('no relative path climbs above the repository root', () => {
    const escaping: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const path of relativePaths(text)) {
        const target = resolve(root, dirname(file), path);
        const inside = relative(root, target);
        if (inside.startsWith('..') || isAbsolute(inside)) escaping.push(`${file}: ${path}`);
      }
    }
    expect(escaping).toEqual([]);
  });
});
