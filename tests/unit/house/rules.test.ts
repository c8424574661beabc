import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  cycles,
  databaseTouches,
  type Graph,
  type ImportEdge,
  importsOfSource,
  parseRanks,
  unranked,
  upwardImports,
} from './graph';

/**
 * Each house rule of layers.test.ts run on a small fixture holding one planted violation of it,
 * and on the same fixture without it: the rule must see the one and pass the other.
 */

const RANKS = parseRanks(`
<!-- ranks:start -->
| rank | layer | places |
| --- | --- | --- |
| 0 | infrastructure | \`lib/infra/\` |
| 1 | model | \`lib/model/\` |
| 2 | database | \`lib/db/\` |
| 3 | shared services | \`lib/settings.ts\`, \`lib/i18n/\` |
| 4 | domains | \`lib/sync/\` |
| 5 | application | \`lib/app/\` |
| 6 | background and views | \`lib/background/\`, \`components/\` |
<!-- ranks:end -->
`);

const edge = (module: string, runtime = true, dynamic = false): ImportEdge => ({ module, runtime, dynamic });

function fixture(extra: [string, ImportEdge[]][] = []): Graph {
  return new Map<string, ImportEdge[]>([
    ['lib/infra/ids.ts', []],
    ['lib/model/resource.ts', [edge('lib/infra/ids')]],
    ['lib/db/resources.ts', [edge('lib/model/resource'), edge('lib/infra/ids')]],
    ['lib/settings.ts', [edge('lib/i18n/index')]],
    ['lib/i18n/index.ts', []],
    ['lib/sync/engine.ts', [edge('lib/db/resources'), edge('lib/settings')]],
    ['lib/app/commit.ts', [edge('lib/db/resources')]],
    ['lib/app/sync-start.ts', [edge('lib/app/sync', true, true)]],
    ['lib/app/sync.ts', [edge('lib/sync/engine')]],
    ['components/View.tsx', [edge('lib/app/commit')]],
    ...extra,
  ]);
}

describe('the rank table', () => {
  it('reads a rank, a layer and its places from each row between the markers', () => {
    expect(RANKS.map((row) => [row.rank, row.layer])).toEqual([
      [0, 'infrastructure'],
      [1, 'model'],
      [2, 'database'],
      [3, 'shared services'],
      [4, 'domains'],
      [5, 'application'],
      [6, 'background and views'],
    ]);
    expect(RANKS[3]!.places).toEqual(['lib/settings.ts', 'lib/i18n/']);
  });

  it('refuses a document without the table', () => {
    expect(() => parseRanks('# no table here')).toThrow(/no rank table/);
  });
});

describe('every import goes to an equal or lower rank', () => {
  it('passes the fixture as it is', () => {
    expect(upwardImports(fixture(), RANKS)).toEqual([]);
  });

  it('finds the model importing the database (planted)', () => {
    const graph = fixture([['lib/model/action.ts', [edge('lib/db/resources', false)]]]);
    expect(upwardImports(graph, RANKS)).toEqual(['lib/model/action.ts (1) → lib/db/resources (2)']);
  });

  it('finds the database wording its errors with i18n (planted)', () => {
    const graph = fixture([['lib/db/errors.ts', [edge('lib/i18n/index')]]]);
    expect(upwardImports(graph, RANKS)).toEqual(['lib/db/errors.ts (2) → lib/i18n/index (3)']);
  });
});

describe('every file has a rank', () => {
  it('finds a file in a folder the table does not name (planted)', () => {
    expect(unranked(fixture(), RANKS)).toEqual([]);
    expect(unranked(fixture([['lib/loose.ts', []]]), RANKS)).toEqual(['lib/loose.ts']);
  });
});

describe('no cycle in lib/', () => {
  it('passes the fixture as it is', () => {
    expect(cycles(fixture())).toEqual([]);
  });

  it('finds commit → sync-start ⇢ sync → commit, closed through import() (planted)', () => {
    const graph = fixture([
      ['lib/app/commit.ts', [edge('lib/db/resources'), edge('lib/app/sync-start')]],
      ['lib/app/sync.ts', [edge('lib/sync/engine'), edge('lib/app/commit')]],
    ]);
    expect(cycles(graph)).toEqual([['lib/app/commit.ts', 'lib/app/sync-start.ts', 'lib/app/sync.ts']]);
  });

  it('does not count import type, which compiles away', () => {
    const graph = fixture([['lib/app/sync.ts', [edge('lib/sync/engine'), edge('lib/app/sync-start', false)]]]);
    expect(cycles(graph)).toEqual([]);
  });

  it('reads static imports, re-exports, import() and import type from source', () => {
    const edges = importsOfSource(
      'lib/app/x.ts',
      `import { a } from './a';
       import type { B } from '../model/b';
       import { type C, d } from '@/lib/db/c';
       export { e } from './e';
       import 'preact';
       const f = () => import('../sync/f');
       type G = typeof import('./g');`,
    );
    expect(edges).toEqual([
      edge('lib/app/a'),
      edge('lib/model/b', false),
      edge('lib/db/c'),
      edge('lib/app/e'),
      edge('lib/sync/f', true, true),
      edge('lib/app/g', false),
    ]);
  });
});

describe('only lib/db and lib/app touch IndexedDB', () => {
  const base = '/fixture';
  const files: Record<string, string> = {
    'lib/db/open.ts': `export interface LoopDatabase { name: string }
      export async function getDb(): Promise<LoopDatabase> { return { name: 'loop' }; }`,
    'lib/app/popup-commands.ts': `export { getDb as openDatabase } from '../db/open';
      export async function listRecent(): Promise<string[]> { return []; }`,
    'components/Fine.tsx': `import type { LoopDatabase } from '../lib/db/open';
      import { listRecent } from '../lib/app/popup-commands';
      export const fine = (db?: LoopDatabase) => listRecent().then(() => db);`,
    'components/Browser.ts': `export const raw = () => indexedDB.open('other');`,
  };
  const planted = `import { openDatabase } from '../lib/app/popup-commands';
    export const load = () => openDatabase();`;

  function program(extra: Record<string, string>): ts.Program {
    const all = { ...files, ...extra };
    const options: ts.CompilerOptions = { strict: true, noEmit: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] };
    const host = ts.createCompilerHost(options);
    const path = (name: string) => name.replace(`${base}/`, '');
    const readFile = host.readFile.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.fileExists = (name) => path(name) in all || ts.sys.fileExists(name);
    host.directoryExists = (name) =>
      name === base ||
      Object.keys(all).some((file) => `${base}/${file}`.startsWith(`${name}/`)) ||
      ts.sys.directoryExists(name);
    host.readFile = (name) => all[path(name)] ?? readFile(name);
    host.getSourceFile = (name, target) =>
      path(name) in all ? ts.createSourceFile(name, all[path(name)]!, target, true) : getSourceFile(name, target);
    return ts.createProgram(
      Object.keys(all).map((name) => `${base}/${name}`),
      options,
      host,
    );
  }
  const allowed = (file: string) => file.startsWith('lib/db/') || file.startsWith('lib/app/');

  it('finds a view calling getDb through an aliased re-export, by the symbol, not the name (planted)', () => {
    const found = databaseTouches(program({ 'components/Planted.tsx': planted }), allowed, base);
    expect(found).toContain('components/Planted.tsx:2 openDatabase');
    expect(found.filter((line) => line.startsWith('components/Fine.tsx'))).toEqual([]);
  });

  it("finds the browser's own IndexedDB API outside lib/db (planted)", () => {
    const found = databaseTouches(program({}), allowed, base);
    expect(found).toEqual(['components/Browser.ts:1 indexedDB', 'components/Browser.ts:1 open']);
  });
});
