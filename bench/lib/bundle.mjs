/** Sizes of the built files (no browser): each page's scripts, the capture scripts, the background's wakes. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extensionDir } from './build.mjs';
import { ROOT, SIZE_OUT, SIZES_FROM, STORE_BUILT } from './options.mjs';
import { record } from './report.mjs';

// ---------------------------------------------------------------------------------- bundle

/** Static imports of an ES module chunk (what must load before it runs); dynamic ones apart. */
function importsOf(code) {
  const staticRe = /(?:^|[;}\s])(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g;
  const dynamicRe = /\bimport\(\s*["'](\.{1,2}\/[^"']+|\/[^"']+)["']\s*\)/g;
  return {
    static: [...code.matchAll(staticRe)].map((m) => m[1]),
    dynamic: [...code.matchAll(dynamicRe)].map((m) => m[1]),
  };
}
function jsClosure(dir, entries) {
  const seen = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    const { static: deps, dynamic } = importsOf(code);
    for (const dep of deps) visit(resolvePath(file, dep));
    for (const dep of dynamic) lazy.add(resolvePath(file, dep));
  };
  for (const entry of entries) visit(entry);
  for (const file of seen) lazy.delete(file);
  return { files: [...seen], lazy: [...lazy] };
}
/**
 * How a built background's files name each other: `deps(dir, file)`, what a file needs before it
 * runs; `lazyDeps(dir, file)`, what it may load later.
 * Chrome's is split into AMD chunks (scripts/background-chunks.ts): each file is one define() call
 * naming the files it needs first; its lazy imports are require() calls.
 */
export const BACKGROUND_DEFINE = '__learningLoopDefine';
const CHROME_BACKGROUND = {
  deps(dir, file) {
    const code = readFileSync(join(dir, file), 'utf8');
    const defined = code.match(new RegExp(`${BACKGROUND_DEFINE}\\((\\[[^\\]]*\\])`));
    if (!defined) throw new Error(`${file} is not a split background file`);
    return JSON.parse(defined[1])
      .filter((dep) => dep !== 'exports' && dep !== 'require')
      .map((dep) => resolvePath(file, dep));
  },
  lazyDeps: (dir, file) => matchedPaths(dir, file, /\(\["(\.[^"]+)"\]/g),
};
/** Firefox's is ES modules: `import … from "./x.js"` first, `import("./x.js")` later. */
const FIREFOX_BACKGROUND = {
  deps: (dir, file) =>
    matchedPaths(dir, file, /\bfrom\s*["'](\.{1,2}\/[^"']+)["']|\bimport\s*["'](\.{1,2}\/[^"']+)["']/g),
  lazyDeps: (dir, file) => matchedPaths(dir, file, /\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g),
};
function matchedPaths(dir, file, pattern) {
  return [...readFileSync(join(dir, file), 'utf8').matchAll(pattern)].map((m) => resolvePath(file, m[1] ?? m[2]));
}
/**
 * What `roots` load before they run; with `lazy`, what they may load later too. Files in
 * `loaded` are there already (and their lazy imports belong to other events): left out.
 */
function backgroundClosure(graph, dir, roots, lazy = false, loaded = []) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || loaded.includes(file)) return;
    seen.add(file);
    for (const dep of graph.deps(dir, file)) visit(dep);
    if (lazy) for (const dep of graph.lazyDeps(dir, file)) visit(dep);
  };
  for (const root of roots) visit(root);
  return [...seen];
}
/** The chunk Rollup named after a module (chunks/background-<name>-<hash>.js). */
function backgroundChunk(dir, name) {
  const found = readdirSync(join(dir, 'chunks')).filter((f) =>
    new RegExp(`^background-${name}-[\\w-]{8}\\.js$`).test(f),
  );
  if (found.length !== 1) throw new Error(`expected one background chunk named ${name}, found ${found.length}`);
  return `chunks/${found[0]}`;
}

function resolvePath(from, spec) {
  if (spec.startsWith('/')) return spec.slice(1);
  return join(dirname(from), spec).replace(/\\/g, '/');
}
function htmlScripts(dir, html) {
  const text = readFileSync(join(dir, html), 'utf8');
  const out = [];
  for (const m of text.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/g)) out.push(m[1]);
  for (const m of text.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g)) out.push(m[1]);
  for (const m of text.matchAll(/<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']modulepreload["']/g)) out.push(m[1]);
  return [...new Set(out.map((s) => resolvePath(html, s)))];
}
export const gz = (dir, file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

export function measureBundle() {
  const dir = extensionDir(SIZES_FROM);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const contentScripts = (manifest.content_scripts ?? []).reduce(
    (n, cs) => n + (cs.js?.length ?? 0) + (cs.css?.length ?? 0),
    0,
  );
  const pages = [
    { id: 'popup', html: manifest.action?.default_popup ?? 'popup.html', max: 20 },
    { id: 'library', html: (manifest.options_ui?.page ?? 'library.html').split('#')[0], max: 30 },
  ];
  const entrypoints = pages.map((p) => ({ ...p, ...jsClosure(dir, htmlScripts(dir, p.html)) }));
  // Capture injects one page script, chosen by the tab's address, then the selection script only
  // when the page has text selected (lib/capture/capture-tab.ts).
  const captureScripts = [
    { id: 'capture', file: 'capture.js', label: 'capture script for a page (injected on demand)' },
    { id: 'captureYouTube', file: 'capture-youtube.js', label: 'capture script for a YouTube video, instead' },
    {
      id: 'captureSelection',
      file: 'capture-selection.js',
      label: 'selection script, after either when text is selected',
    },
    // Injected by the popup on a saved page with quotes, to mark them (lib/quotes/in-tab.ts).
    { id: 'highlightQuotes', file: 'highlight-quotes.js', label: 'quote highlighter, on a saved page with quotes' },
  ];
  for (const script of captureScripts)
    if (existsSync(join(dir, script.file)))
      entrypoints.push({ id: script.id, label: script.label, max: null, ...jsClosure(dir, [script.file]) });
  const detail = {};
  for (const e of entrypoints) {
    const gzipped = e.files.reduce((n, f) => n + gz(dir, f), 0) / 1000;
    const raw = e.files.reduce((n, f) => n + readFileSync(join(dir, f)).length, 0) / 1000;
    const lazy = e.lazy.reduce((n, f) => n + gz(dir, f), 0) / 1000;
    detail[e.id] = { files: e.files, lazyFiles: e.lazy, gzipKB: gzipped, rawKB: raw, lazyGzipKB: lazy };
    const label = e.label ?? `${e.id} JavaScript`;
    record(
      `bundle.${e.id}`,
      `${label}, gzip`,
      'kB',
      gzipped,
      e.max ? { max: e.max, on: 'value', label: `≤ ${e.max} kB` } : null,
      {
        rawKB: Math.round(raw * 10) / 10,
        files: e.files,
        ...(e.lazy.length ? { lazyGzipKB: Math.round(lazy * 10) / 10, lazyFiles: e.lazy } : {}),
      },
    );
  }
  measureBackgroundBundle(dir, manifest.background.service_worker);
  if (STORE_BUILT) measureFirefoxBackground(join(ROOT, SIZE_OUT, 'firefox-mv3'));
  // Requests before a first render: the browser serves an extension's files one after another,
  // so each one costs the page time beside its bytes.
  for (const page of pages) {
    const text = readFileSync(join(dir, page.html), 'utf8');
    const sheets = [...text.matchAll(/<link\b[^>]*\brel=["']stylesheet["']/g)].length;
    const scripts = entrypoints.find((e) => e.id === page.id).files.length;
    record(
      `bundle.${page.id}.files`,
      `${page.id}: files its first render loads (scripts + style sheets)`,
      '',
      scripts + sheets,
      null,
      // The page's own sheet is inline (scripts/inline-styles.ts): the page's size says what it carries.
      { scripts, sheets, htmlGzipKB: Math.round(gz(dir, page.html) / 100) / 10 },
    );
  }
  record('bundle.contentScripts', 'content scripts declared in the manifest', '', contentScripts, {
    max: 0,
    on: 'value',
    label: '0',
  });
  return detail;
}

/**
 * The background loads per event (scripts/background-chunks.ts): every wake runs its entry and
 * the prompt check (a slot may have passed while it slept); each event adds its feature. The
 * figures: what every wake loads, each feature's wake (its static needs; what it loads only on
 * some paths aside), and what a sync pass adds. A page's change, the commonest wake, is measured
 * in the browser (wake.change).
 */
function measureBackgroundBundle(dir, entry) {
  record('bundle.background', "background: the service worker's entry, gzip", 'kB', gzKB(dir, [entry]), null, {
    rawKB: Math.round(readFileSync(join(dir, entry)).length / 100) / 10,
  });
  measureWakes(CHROME_BACKGROUND, dir, entry, {
    everyWake: ['bundle.background.everyWake', 'background: what every wake loads (entry + prompt check), gzip'],
    heaviestWake: ['bundle.background.heaviestWake', 'background: the heaviest event'],
    syncEngine: ['bundle.syncEngine', 'background: the sync engine a sync pass loads (PouchDB + lib/sync), gzip'],
  });
}

/**
 * Firefox's background is an event page built as ES modules (splitFirefoxBackground): a wake loads
 * the entry and its static imports; each event's `import()` adds that module and its static
 * imports. The same figures as Chrome's.
 */
function measureFirefoxBackground(dir) {
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`No Firefox build under ${dir}`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const entry = manifest.background?.scripts?.[0];
  if (manifest.background?.type !== 'module' || !entry) throw new Error("Firefox's background is not ES modules");
  measureWakes(FIREFOX_BACKGROUND, dir, entry, {
    everyWake: ['bundle.firefox.background.everyWake', "Firefox's event page: what every wake loads, gzip"],
    heaviestWake: ['bundle.firefox.background.heaviestWake', "Firefox's event page: the heaviest event"],
    syncEngine: ['bundle.firefox.syncEngine', "Firefox's event page: the sync engine a sync pass loads, gzip"],
  });
}

const gzKB = (dir, files) => files.reduce((n, f) => n + gz(dir, f), 0) / 1000;

/** Every wake, the heaviest event's wake and the sync engine of one built background. */
function measureWakes(graph, dir, entry, figures) {
  const kB = (files) => gzKB(dir, files);
  const every = backgroundClosure(graph, dir, [entry, backgroundChunk(dir, 'prompt-schedule')]);
  record(...figures.everyWake, 'kB', kB(every), { max: 15, on: 'value', label: '≤ 15 kB' }, { files: every });
  const features = readdirSync(join(dir, 'chunks'))
    .map((f) => f.match(/^background-(.+-feature)-[\w-]{8}\.js$/)?.[1])
    .filter(Boolean)
    .sort();
  // A write loads the write log beside the database (lib/db/open.ts) and sets off the change
  // reactions in the same wake (lib/background/changes-feature.ts: the snapshot's and sync's
  // checks): counted in every event's wake, an upper bound for the few that never write. Chrome's
  // quote wake is also measured in the browser (wake.quote).
  const writes = ['write-log', 'changes-feature', 'snapshot-notice', 'sync-feature'].map((name) =>
    backgroundChunk(dir, name),
  );
  const wakeFiles = Object.fromEntries(
    features.map((name) => [name, backgroundClosure(graph, dir, [...every, backgroundChunk(dir, name), ...writes])]),
  );
  const wakes = Object.fromEntries(
    Object.entries(wakeFiles).map(([name, files]) => [name, Math.round(kB(files) * 10) / 10]),
  );
  const [heaviest, heaviestKB] = Object.entries(wakes).sort((a, b) => b[1] - a[1])[0];
  const [heaviestId, heaviestLabel] = figures.heaviestWake;
  record(
    heaviestId,
    `${heaviestLabel}'s wake (${heaviest}), with what its write sets off, gzip`,
    'kB',
    heaviestKB,
    // The "background ≤ 15 kB" held for every event, not only for the commonest wakes.
    { max: 15, on: 'value', label: '≤ 15 kB' },
    { wakes },
  );
  // The engine: what a sync pass loads that no other event does (the database layer is shared).
  const shared = [...new Set(Object.values(wakeFiles).flat())];
  const sync = backgroundClosure(graph, dir, [backgroundChunk(dir, 'sync-pass')], true, shared);
  record(...figures.syncEngine, 'kB', kB(sync), { max: 60, on: 'value', label: '≤ 60 kB' });
}
