import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cycles,
  databaseTouches,
  fileOf,
  parseRanks,
  projectGraph,
  projectProgram,
  root,
  unranked,
  upwardImports,
} from './graph';

/**
 * The layering rules of docs/ARCHITECTURE.md, checked on every import of the project's code: a
 * rank order read from ARCHITECTURE.md's table (infrastructure < model < database < shared
 * services < domains < application < background and views), no cycle in lib/, only lib/db and
 * lib/app touch IndexedDB, views call the application layer and never the data layer's writes,
 * lib/ never reaches into the pages, only the background shows notifications and sets the badge.
 * tests/unit/house/rules.test.ts runs each rule on a fixture with one planted violation.
 */

const fullGraph = projectGraph();
/** Every module a file imports, as paths from the root without extension. */
const graph = new Map([...fullGraph].map(([file, edges]) => [file, edges.map((edge) => edge.module)]));
const ranks = parseRanks(readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8'));

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

  it('only lib/db and lib/app touch IndexedDB: getDb (by its symbol, through any alias), idb, the browser API', () => {
    // The benchmark's seeding page writes raw batches on purpose: it measures the floor.
    const allowed = (file: string) =>
      file.startsWith('lib/db/') || file.startsWith('lib/app/') || file === 'entrypoints/bench-seed-data.ts';
    expect(databaseTouches(projectProgram(), allowed)).toEqual([]);
  }, 60_000);

  it('every file of lib/, components/ and entrypoints/ has a rank in the table of docs/ARCHITECTURE.md', () => {
    expect(ranks.map((row) => row.rank)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(unranked(fullGraph, ranks)).toEqual([]);
  });

  it('every import goes to a module of an equal or lower rank', () => {
    expect(upwardImports(fullGraph, ranks)).toEqual([]);
  });

  it('lib/ has no cycle, counting static imports and import() alike', () => {
    expect(cycles(fullGraph, 'lib/')).toEqual([]);
  });

  it('lib/ never imports the pages (components, entrypoints)', () => {
    expect(
      breaking(
        (f) => f.startsWith('lib/'),
        (m) => m.startsWith('components/') || m.startsWith('entrypoints/'),
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
      [...fullGraph].map(([file, edges]) => [
        file,
        edges.filter((edge) => edge.runtime && !edge.dynamic).map((edge) => edge.module),
      ]),
    );
    const resolveFile = (module: string) => fileOf(fullGraph, module);
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
      [
        'lib/background/snapshot-notice',
        ['lib/db/snapshot', 'lib/db/snapshot-now', 'lib/backup/settings', 'lib/background/snapshot-feature'],
      ],
    ])('a background write: %s loads none of %j before it runs', (module, heavy) => {
      const loaded = firstRender(module);
      expect(loaded.size).toBeGreaterThan(3);
      expect(heavy.filter((other) => loaded.has(other))).toEqual([]);
    });
  });
});
