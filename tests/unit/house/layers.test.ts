import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of docs/ARCHITECTURE.md, checked on every import of the project's code:
 * views call the application layer (lib/app) and never the data layer's writes; lib/ never
 * reaches into the pages; only the background shows notifications and sets the badge.
 */
const root = resolve(import.meta.dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The project's modules among `names` imported by `file`, as paths from the root without extension. */
function projectModules(file: string, names: string[]): string[] {
  return names
    .filter((name) => name.startsWith('.') || name.startsWith('@/'))
    .map((name) => {
      const absolute = name.startsWith('@/') ? join(root, name.slice(2)) : resolve(root, dirname(file), name);
      return relative(root, absolute).replace(/\.(ts|tsx)$/, '');
    });
}

/** Every module a file imports. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return projectModules(
    file,
    info.importedFiles.map((f) => f.fileName),
  );
}

const source = [...files('lib'), ...files('components'), ...files('entrypoints')];
const graph = new Map(source.map((file) => [file, importsOf(file)]));
// Pages and their components. The background and capture entrypoints are wiring, not views; the
// benchmark's seeding page writes raw batches on purpose, since it measures the floor.
const NOT_VIEWS = [
  'entrypoints/background/',
  'entrypoints/capture',
  'entrypoints/bench-seed/',
  'entrypoints/bench-seed-data.ts',
];
const isView = (file: string) =>
  (file.startsWith('components/') || file.startsWith('entrypoints/')) && !NOT_VIEWS.some((p) => file.startsWith(p));

/** Files that break a rule: each importer with the forbidden module it imports. */
function breaking(from: (file: string) => boolean, forbidden: (module: string) => boolean): string[] {
  return [...graph]
    .filter(([file]) => from(file))
    .flatMap(([file, modules]) => modules.filter(forbidden).map((module) => `${file} → ${module}`));
}

const DATA_WRITES = [
  'lib/db/open',
  'lib/db/changes',
  'lib/db/resources',
  'lib/db/resource-reads',
  'lib/db/reflections',
  'lib/db/actions',
  'lib/db/assessments',
  'lib/db/prompts',
  'lib/db/reviews',
];

describe('layers', () => {
  it('reads the whole tree (the rules below see every file)', () => {
    expect(graph.size).toBeGreaterThan(140);
    expect(graph.get('components/popup/RecentList.tsx')).toContain('components/popup/commands');
    expect(graph.get('components/popup/commands.ts')).toContain('lib/app/popup-commands');
  });

  it('views reach the data only through the application layer: no lib/db writes, connection or broadcast', () => {
    expect(breaking(isView, (m) => DATA_WRITES.includes(m))).toEqual([]);
  });

  it('views send no messages of their own: the application layer tells the background', () => {
    expect(breaking(isView, (m) => m.startsWith('lib/messaging') || m.startsWith('lib/background'))).toEqual([]);
  });

  it('views open no transactions and call no getDb', () => {
    const offenders = [...graph.keys()].filter(
      (file) => isView(file) && /\.transaction\(|getDb\(/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('lib/ never imports the pages (components, entrypoints)', () => {
    expect(
      breaking(
        (f) => f.startsWith('lib/'),
        (m) => m.startsWith('components/') || m.startsWith('entrypoints/'),
      ),
    ).toEqual([]);
  });

  it('the domains below the application layer do not reach up into it or into the background', () => {
    const domain = (f: string) =>
      /^lib\/(prompts|capture|db|share|backup|assessment|actions|library|i18n|review|takeaways)\//.test(f);
    expect(breaking(domain, (m) => m.startsWith('lib/background/'))).toEqual([]);
    // lib/db is the bottom: it knows nothing of any domain above it.
    expect(
      breaking(
        (f) => f.startsWith('lib/db/'),
        (m) => /^lib\/(app|background|prompts|share|backup|library)\//.test(m),
      ),
    ).toEqual([]);
  });

  it('only the application layer broadcasts changes and sends the change message', () => {
    const outside = (f: string) => !f.startsWith('lib/app/') && !f.startsWith('lib/db/');
    expect(breaking(outside, (m) => m === 'lib/db/changes')).toEqual([]);
    const sends = [...graph.keys()].filter((file) => /\bsendMessage\(/.test(readFileSync(join(root, file), 'utf8')));
    expect(sends).toEqual(['lib/app/commit.ts']);
  });

  it('only the background shows notifications and sets the badge', () => {
    const pattern = /notifications\.(create|clear|getAll)\(|action\.setBadge(Text|BackgroundColor)\(/;
    const outside = [...graph.keys()].filter(
      (file) => !file.startsWith('lib/background/') && pattern.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(outside).toEqual([]);
    expect(
      breaking(
        (f) => !f.startsWith('lib/background/'),
        (m) => m === 'lib/background/badge' || m === 'lib/background/notify',
      ),
    ).toEqual([]);
  });

  it('every storage item is defined in lib/settings.ts', () => {
    const defining = [...graph.keys()].filter((file) =>
      /(?<!function )\bdefineStorageItem\b(<[^>]*>)?\(/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(defining).toEqual(['lib/settings.ts']);
  });

  describe('first renders: what the popup and the library load before they show anything', () => {
    /** Modules a file needs before it runs: static imports, not `import()` and not `import type`. */
    const staticGraph = new Map(
      source.map((file) => {
        const code = readFileSync(join(root, file), 'utf8');
        const names = [
          ...code.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm),
        ].map((m) => m[1]!);
        return [file, projectModules(file, names)];
      }),
    );
    const resolveFile = (module: string) => [`${module}.ts`, `${module}.tsx`].find((file) => staticGraph.has(file));
    function firstRender(entry: string): Set<string> {
      const seen = new Set<string>();
      const visit = (module: string) => {
        if (seen.has(module)) return;
        seen.add(module);
        const file = resolveFile(module);
        for (const dep of (file && staticGraph.get(file)) ?? []) visit(dep);
      };
      visit(entry);
      return seen;
    }

    // The bundler puts every module a page imports before it runs into the page's one script,
    // with all of that module any other chunk uses: one import of a command module from a first
    // screen brought every resource write, the commit and the messaging with it (library 27.2 kB
    // gzip; 24.7 without). The benchmark weighs the result; this says which import did it.
    it.each([
      [
        'entrypoints/popup/main',
        ['lib/db/open', 'lib/messaging', 'lib/app/commit', 'lib/app/resources', 'lib/settings'],
      ],
      [
        'entrypoints/library/main',
        // The upgrade steps load only when a database needs them (lib/db/open.ts).
        ['lib/messaging', 'lib/app/commit', 'lib/app/resources', 'lib/db/resources', 'lib/db/upgrade'],
      ],
    ])('%s loads none of %j before its first render', (entry, heavy) => {
      const loaded = firstRender(entry);
      expect(loaded.size).toBeGreaterThan(10);
      expect(heavy.filter((module) => loaded.has(module))).toEqual([]);
    });

    // A write in a woken worker (a quote or a clip from the menu) loads the database's write and
    // what it needs: the old formats' conversions, the review queue's reads and the automatic
    // snapshot's code once came with it (28.6 kB gzip for the quote's wake; 26.2 without).
    it.each([
      ['lib/db/resources', ['lib/model/takeaway-text', 'lib/model/clip-legacy', 'lib/db/reviews', 'lib/db/upgrade']],
      ['lib/background/snapshot-notice', ['lib/db/snapshot', 'lib/backup/settings', 'lib/background/snapshot-feature']],
    ])('a background write: %s loads none of %j before it runs', (module, heavy) => {
      const loaded = firstRender(module);
      expect(loaded.size).toBeGreaterThan(3);
      expect(heavy.filter((other) => loaded.has(other))).toEqual([]);
    });
  });
});
