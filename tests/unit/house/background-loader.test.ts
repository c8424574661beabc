import { describe, expect, it } from 'vitest';
import { build, type Plugin, type Rollup } from 'vite';
import { CHUNKED_OUTPUT, DEFINE, listChunksInEntry } from '../../../scripts/background-chunks';

/*
 * The split background (scripts/background-chunks.ts) built by Vite from a few small modules, then
 * run in a simulated service worker that keeps Chrome's rule: after its install, a worker may
 * importScripts() only what it imported while installing (its script map, kept across lives).
 */
const SOURCES: Record<string, string> = {
  'entry.js': `
    import { tell } from './tell.js';
    export const calls = [];
    tell('entry');
    self.wake = (name) =>
      name === 'a' ? import('./a.js').then((m) => m.a()) : import('./b.js').then((m) => m.b());
  `,
  'tell.js': `export function tell(what) { self.events.push(what); }`,
  'a.js': `
    import { helper } from './helper.js';
    import { calls } from './entry.js';
    import { tell } from './tell.js';
    tell('a');
    export const a = () => { calls.push('a'); return helper('a') + ' after ' + calls.length; };
  `,
  'b.js': `
    import { helper } from './helper.js';
    import { tell } from './tell.js';
    tell('b');
    export const b = () => helper('b');
  `,
  'helper.js': `import { tell } from './tell.js'; tell('helper'); export const helper = (x) => 'helped ' + x;`,
};

function virtualSources(): Plugin {
  return {
    name: 'virtual-sources',
    resolveId: (id) => (id.replace(/^\.\//, '') in SOURCES ? id.replace(/^\.\//, '') : null),
    load: (id) => SOURCES[id] ?? null,
  };
}

async function buildFixture(): Promise<Map<string, string>> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [virtualSources(), listChunksInEntry()],
    build: {
      write: false,
      minify: false,
      modulePreload: false,
      rollupOptions: { input: { background: 'entry.js' }, output: { ...CHUNKED_OUTPUT, entryFileNames: '[name].js' } },
    },
  })) as Rollup.RollupOutput;
  return new Map(
    output.output.map((file) => [`/${file.fileName}`, file.type === 'chunk' ? file.code : String(file.source)]),
  );
}

const ORIGIN = 'chrome-extension://learning-loop';

interface WorkerLife {
  events: string[];
  wake: (name: string) => Promise<string>;
  install: () => void;
  ran: () => string[];
}

/** One life of the worker: a fresh global, the same files and script map. */
function startWorker(files: Map<string, string>, scriptMap: Set<string>, installing: boolean): WorkerLife {
  const listeners: Record<string, (() => void)[]> = {};
  const scope: Record<string, unknown> = {
    events: [],
    location: { href: `${ORIGIN}/background.js` },
    addEventListener: (type: string, listener: () => void) => {
      listeners[type] = [...(listeners[type] ?? []), listener];
    },
  };
  let stillInstalling = installing;
  const evaluate = (code: string) =>
    new Function('self', 'importScripts', DEFINE, code)(scope, importScripts, (...args: unknown[]) =>
      (scope[DEFINE] as (...a: unknown[]) => void)(...args),
    );
  function importScripts(url: string): void {
    const path = new URL(url).pathname;
    if (!stillInstalling && !scriptMap.has(path)) throw new Error(`NetworkError: ${path} was not imported at install`);
    const code = files.get(path);
    if (code === undefined) throw new Error(`NetworkError: no file ${path}`);
    scriptMap.add(path);
    evaluate(code);
  }
  evaluate(files.get('/background.js')!);
  return {
    events: scope.events as string[],
    wake: (name) => (scope.wake as (n: string) => Promise<string>)(name),
    install: () => {
      for (const listener of listeners.install ?? []) listener();
      stillInstalling = false;
    },
    ran: () => (scope[DEFINE] as { ran: () => string[] }).ran().map((url) => new URL(url).pathname),
  };
}

describe('the split background in a service worker', () => {
  it('install imports every chunk and runs none; a lazy import runs its chunk and what it needs, once', async () => {
    const files = await buildFixture();
    const chunks = [...files.keys()].filter((path) => path !== '/background.js');
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    const scriptMap = new Set<string>();
    const life = startWorker(files, scriptMap, true);
    expect(life.events).toEqual(['entry']);
    life.install();
    expect(new Set(scriptMap)).toEqual(new Set(chunks));
    expect(life.events).toEqual(['entry']);

    await expect(life.wake('a')).resolves.toBe('helped a after 1');
    expect(life.events).toEqual(['entry', 'helper', 'a']);
    await expect(life.wake('b')).resolves.toBe('helped b');
    await expect(life.wake('a')).resolves.toBe('helped a after 2');
    // The helper both chunks share ran once; the entry's own module is the one `a` imported back.
    expect(life.events).toEqual(['entry', 'helper', 'a', 'b']);
    expect(life.ran().some((path) => path.includes('helper'))).toBe(true);
  });

  it('a later life loads, from the script map, only what its event needs', async () => {
    const files = await buildFixture();
    const scriptMap = new Set<string>();
    startWorker(files, scriptMap, true).install();

    const later = startWorker(files, scriptMap, false);
    expect(later.ran()).toEqual(['/background.js']);
    await expect(later.wake('b')).resolves.toBe('helped b');
    expect(later.events).toEqual(['entry', 'helper', 'b']);
    expect(later.ran().some((path) => path.includes('/a-') || path.endsWith('/a.js'))).toBe(false);
  });

  it('without the install imports, a later life could not load a chunk (the rule the loader is built on)', async () => {
    const files = await buildFixture();
    const later = startWorker(files, new Set(), false);
    await expect(later.wake('a')).rejects.toThrow(/not imported at install/);
  });
});
