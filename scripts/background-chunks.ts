import { createHash } from 'node:crypto';
import type { InlineConfig, Plugin, Rollup } from 'vite';

/**
 * Chrome's background is a service worker, which cannot `import()`: a bundler inlines every lazy
 * import, so each wake of the worker parsed everything it might ever do (the sync engine's 49 kB
 * gzip with no server connected). What a service worker can do is `importScripts()` a script it
 * imported while it was installed, at any later time. So the background is built as AMD modules
 * with Rollup's own code splitting (one instance of each module, shared ones included), and a
 * small loader (LOADER_SOURCE, the file's banner):
 * - at install, imports every chunk once: that only records each chunk's module, runs nothing.
 *   The chunks' names are in a file of their own (INSTALL_LIST), imported at install only: in the
 *   entry they were a fifth of what every wake parsed, for an event that comes once per version;
 * - on a lazy `import()`, runs the recorded module (from a later wake: importScripts() it first).
 * Firefox's background is an event page, a document, which can `import()`: it is built as ES
 * modules with the same code splitting and declared `"type": "module"` (splitFirefoxBackground).
 */

/** Replaced, in the built entry, by the path of the file that lists the chunks (a JSON string). */
export const INSTALL_LIST_PLACEHOLDER = '"__LEARNING_LOOP_BACKGROUND_INSTALL_LIST__"';
/** The file the install imports: it hands the loader every chunk's path. */
export const INSTALL_LIST = 'chunks/background-install-[hash].js';
/** The loader's define(); its `ran()` lists the files this worker life has run (the benchmark reads it). */
export const DEFINE = '__learningLoopDefine';

/**
 * Plain ES2022 so the banner needs no build of its own. `defining` names the script being
 * imported: importScripts() is synchronous, and each chunk is one define() call. A module runs
 * once per worker life, its dependencies first; `exports` is set before they run, so a chunk
 * that imports back from the entry finds it.
 */
export const LOADER_SOURCE = `(() => {
  const entryUrl = self.location.href;
  const modules = new Map();
  let defining = null;
  const importOnce = (url) => {
    defining = url;
    try { importScripts(url); } finally { defining = null; }
  };
  const resolveUrl = (dep, from) => new URL(dep.endsWith('.js') ? dep : dep + '.js', from).href;
  const run = (url) => {
    let mod = modules.get(url);
    if (!mod) { importOnce(url); mod = modules.get(url); }
    if (!mod) throw new Error('Background chunk not defined: ' + url);
    if (!mod.exports) {
      mod.exports = {};
      const localRequire = (deps, resolve, reject) => queueMicrotask(() => {
        let loaded;
        try { loaded = deps.map((dep) => run(resolveUrl(dep, url))); } catch (error) {
          if (reject) return reject(error);
          throw error;
        }
        resolve(...loaded);
      });
      const args = mod.deps.map((dep) => dep === 'exports' ? mod.exports : dep === 'require' ? localRequire : run(resolveUrl(dep, url)));
      mod.factory(...args);
    }
    return mod.exports;
  };
  const define = (deps, factory) => {
    const url = defining ?? entryUrl;
    modules.set(url, { deps, factory, exports: null });
    if (url === entryUrl) run(url);
  };
  define.ran = () => [...modules].filter(([, mod]) => mod.exports).map(([url]) => url);
  define.install = (paths) => {
    for (const path of paths) { const url = resolveUrl(path, entryUrl); if (!modules.has(url)) importOnce(url); }
  };
  self.${DEFINE} = define;
  self.addEventListener('install', () => importScripts(resolveUrl(${INSTALL_LIST_PLACEHOLDER}, entryUrl)));
})();
`;

/** Rollup's output options for the split background (tests/unit/house/background-loader.test.ts). */
export const CHUNKED_OUTPUT = {
  format: 'amd',
  amd: { define: DEFINE, forceJsExtensionForImports: true },
  banner: (chunk) => (chunk.isEntry ? LOADER_SOURCE : ''),
  chunkFileNames: 'chunks/background-[name]-[hash].js',
} satisfies Rollup.OutputOptions;

export function listChunksInEntry(): Plugin {
  return {
    name: 'learning-loop:background-chunk-list',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const lazy = chunks.filter((chunk) => !chunk.isEntry).map((chunk) => `/${chunk.fileName}`);
      const source = `self.${DEFINE}.install(${JSON.stringify(lazy)});\n`;
      const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
      const fileName = INSTALL_LIST.replace('[hash]', hash);
      this.emitFile({ type: 'asset', fileName, source });
      for (const chunk of chunks) {
        if (!chunk.isEntry) continue;
        if (!chunk.code.includes(INSTALL_LIST_PLACEHOLDER)) this.error('The background loader lost its chunk list.');
        chunk.code = chunk.code.replace(INSTALL_LIST_PLACEHOLDER, JSON.stringify(`/${fileName}`));
      }
    },
  };
}

/** Turns WXT's one-file background build (lib mode, IIFE) into the split AMD build above. */
export function splitBackgroundBuild(config: InlineConfig): void {
  splitFrom(config, CHUNKED_OUTPUT);
  config.plugins = [...(config.plugins ?? []), listChunksInEntry()];
}

/** Firefox's event page loads its lazy imports as ES modules, each when its event comes. */
export const FIREFOX_OUTPUT = {
  format: 'es',
  chunkFileNames: 'chunks/background-[name]-[hash].js',
} satisfies Rollup.OutputOptions;

export function splitFirefoxBackground(config: InlineConfig): void {
  splitFrom(config, FIREFOX_OUTPUT);
}

/** WXT builds a background as one library file; this makes it an entry with chunks instead. */
function splitFrom(config: InlineConfig, chunked: Rollup.OutputOptions): void {
  const build = config.build ?? {};
  const lib = build.lib;
  if (!lib || typeof lib.entry !== 'string') throw new Error('The background build is no longer in lib mode.');
  const output = build.rollupOptions?.output;
  if (!output || Array.isArray(output) || typeof output.entryFileNames !== 'string')
    throw new Error('The background build names its file differently now.');
  config.build = {
    ...build,
    lib: false,
    modulePreload: false,
    rollupOptions: {
      ...build.rollupOptions,
      input: { background: lib.entry },
      output: { ...output, ...chunked },
    },
  };
}
