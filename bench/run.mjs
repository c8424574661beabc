#!/usr/bin/env node
/**
 * npm run bench: how fast Learning Loop is at 0, 1, 10,000 and 100,000 resources.
 *
 * Plain Node ESM on purpose: it runs on Node 20 with nothing but playwright-core (already a dev
 * dependency), no TypeScript runner to install or keep in step. The data generator is
 * TypeScript (bench/generate.ts) because it runs inside the extension, bundled by WXT into the
 * bench-only script entrypoints/bench-seed-data.ts (the page bench/pages/bench-seed.html loads it).
 *
 * Options (all optional):
 *   --runs=7          measured runs per figure (at least 5), after --warmup=1 unmeasured runs
 *   --medium=10000    the "10,000" size;   --large=100000   the "100,000" size (small while developing)
 *   --only=bundle,wake,popup,save,clip,quote,log,review,library,lists,firstkey,search,memory,export,import,snapshot,sync   a subset
 *                     (sync runs only when named: it starts pouchdb-server from npm)
 *   --quick           a subset for day-to-day work, under 2 minutes: 10,000 resources only, 5 runs,
 *                     no 100,000 profile, no snapshot
 *   --lib             also time import and export through lib/backup alone (no UI)
 *   --skip-build      reuse .output-bench and .output-bench-size
 *   --out=bench/results.json
 *   BENCH_DEBUG=1     print the full error behind an "n/a: error: …" row
 * See bench/README.md for what every figure means.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return fallback;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : true;
};
const QUICK = Boolean(arg('quick', false));
const RUNS = Math.max(5, Number(arg('runs', QUICK ? 5 : 7)));
const WARMUP = Math.max(1, Number(arg('warmup', 1)));
// The popup's figures are ratios of two page loads of 50–150 ms each, and one load can take twice
// another on this machine: more rounds than the rest, so the median is not one lucky run.
const POPUP_RUNS = QUICK ? RUNS : Math.max(RUNS, 15);
const MEDIUM = Number(arg('medium', 10_000));
const LARGE = Number(arg('large', QUICK ? MEDIUM : 100_000));
const QUICK_SET = 'bundle,wake,popup,library,firstkey,search,export,import';
const QUICK_IMPORT = 2000;
const ONLY = arg('only', '') ? new Set(String(arg('only')).split(',')) : QUICK ? new Set(QUICK_SET.split(',')) : null;
const SKIP_BUILD = Boolean(arg('skip-build', false));
const LIB = Boolean(arg('lib', false));
const OUT_FILE = resolve(ROOT, String(arg('out', 'bench/results.json')));
const BENCH_OUT = '.output-bench';
const SIZE_OUT = '.output-bench-size';
/**
 * Where the sizes are read. A full run builds the store build for them and checks that the timed
 * copy loads the very same files (assertStorePages, assertStoreBackground); --quick, to stay
 * under 2 minutes, skips that second build and reads the timed copy, whose shipped files full
 * runs show are the store build's byte for byte (only its manifest adds the test origins).
 */
const STORE_BUILT = !QUICK;
const SIZES_FROM = STORE_BUILT ? SIZE_OUT : BENCH_OUT;
const want = (what) => !ONLY || ONLY.has(what);
const fmtN = (n) => n.toLocaleString('en-GB');

// ---------------------------------------------------------------------------------- results

const rows = [];
const figures = {};
const notes = [];
function log(...parts) {
  console.log(`[bench ${((performance.now() - T0) / 1000).toFixed(0).padStart(3)}s]`, ...parts);
}
const T0 = performance.now();

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const median =
    sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]
      : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  // p95 by nearest rank: with 7 runs it is the slowest run, never an interpolated flatterer.
  return {
    median,
    p95: at(0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    n: sorted.length,
    samples: samples.map((s) => Math.round(s * 10) / 10),
  };
}

/**
 * One row of the table. `target` is { max, on: 'median' | 'p95' | 'value', label } or null
 * (reported, no target). `value` rows (bundle sizes, ratios, counts) have one number.
 */
function record(id, figure, unit, data, target = null, extra = {}) {
  const entry = typeof data === 'number' ? { value: data } : data;
  const checked = target ? (target.on === 'value' ? entry.value : entry[target.on]) : undefined;
  const pass = target ? checked <= target.max : null;
  figures[id] = { figure, unit, ...entry, ...(target ? { target: target.label, pass } : {}), ...extra };
  rows.push({
    id,
    figure,
    unit,
    median: entry.median ?? entry.value,
    p95: entry.p95,
    target: target?.label ?? '',
    pass,
  });
  log(
    `${figure}: ${fmt(entry.median ?? entry.value, unit)}${entry.p95 !== undefined ? ` (p95 ${fmt(entry.p95, unit)})` : ''}${target ? ` target ${target.label} → ${pass ? 'pass' : 'MISS'}` : ''}`,
  );
}
function skip(id, figure, why, target = null) {
  figures[id] = { figure, na: why, ...(target ? { target: target.label } : {}) };
  rows.push({ id, figure, na: why, target: target?.label ?? '' });
  log(`${figure}: n/a: ${why}`);
}
function fmt(v, unit) {
  if (v === undefined || v === null || Number.isNaN(v)) return '';
  if (unit === 'ms') return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`;
  if (unit === 'kB') return `${v.toFixed(1)} kB`;
  if (unit === 'MB') return `${v.toFixed(1)} MB`;
  if (unit === '×') return `${v.toFixed(2)}×`;
  if (unit === '%') return `${Math.round(v)} %`;
  return String(v);
}

// ---------------------------------------------------------------------------------- build

function build(outDir, env, mode, browserArgs = []) {
  const started = performance.now();
  const res = spawnSync('npx', ['wxt', 'build', ...browserArgs, ...(mode ? ['--mode', mode] : [])], {
    cwd: ROOT,
    env: { ...process.env, WXT_OUT_DIR: outDir, ...env },
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    console.error(res.stdout, res.stderr);
    throw new Error(`wxt build into ${outDir} failed`);
  }
  log(`built ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
/** WXT names the folder after browser, manifest version and mode (chrome-mv3, chrome-mv3-e2e). */
function extensionDir(outDir) {
  const base = join(ROOT, outDir);
  const found = existsSync(base)
    ? readdirSync(base).filter((d) => d.startsWith('chrome-mv3') && existsSync(join(base, d, 'manifest.json')))
    : [];
  if (!found.length) throw new Error(`No built extension under ${outDir}`);
  return join(base, found.sort((a, b) => b.length - a.length)[0]);
}

/**
 * The timed copy differs from the store build only in its manifest (test origins) and its
 * bench-only files: its popup and library must load the very files the store build's do, same
 * names, same hashes. A bench page built beside them once split their chunks and was timed instead.
 */
function assertStorePages(timedDir, storeDir) {
  const loads = (dir, page) =>
    [...readFileSync(join(dir, page), 'utf8').matchAll(/(?:src|href)="\/((?:chunks|assets)\/[^"]+)"/g)].map(
      (m) => m[1],
    );
  for (const page of ['popup.html', 'library.html']) {
    const timed = loads(timedDir, page).join(' ');
    const store = loads(storeDir, page).join(' ');
    if (timed !== store) throw new Error(`The timed ${page} loads ${timed}; the store build's loads ${store}`);
  }
}

/** The timed copy's background files are the store build's (when that was built in this run). */
function assertStoreBackground(timedDir, storeDir, files) {
  if (!existsSync(join(storeDir, 'manifest.json'))) return;
  const differ = files.filter(
    (file) => !readFileSync(join(timedDir, file)).equals(readFileSync(join(storeDir, file), { flag: 'r' })),
  );
  if (differ.length) throw new Error(`The timed background's ${differ.join(', ')} differ from the store build's`);
}

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
const BACKGROUND_DEFINE = '__learningLoopDefine';
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
const gz = (dir, file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

function measureBundle() {
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
    // The issue's "background ≤ 15 kB" held for every event, not only for the commonest wakes.
    { max: 15, on: 'value', label: '≤ 15 kB' },
    { wakes },
  );
  // The engine: what a sync pass loads that no other event does (the database layer is shared).
  const shared = [...new Set(Object.values(wakeFiles).flat())];
  const sync = backgroundClosure(graph, dir, [backgroundChunk(dir, 'sync-pass')], true, shared);
  record(...figures.syncEngine, 'kB', kB(sync), { max: 60, on: 'value', label: '≤ 60 kB' });
}

// ---------------------------------------------------------------------------------- browser

function chromePath() {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`No Chromium at ${path}: install Debian's chromium or set CHROME_PATH`);
  return path;
}

/**
 * The e2e harness's launch (tests/e2e/harness.ts), with a fresh profile each time. `debugPort`
 * opens a DevTools port besides Playwright's pipe (a service worker's own session needs a browser
 * session); `deferredEntry` starts a copy whose background waits for `self.__start()`
 * (measureWakeCoverage), so no install opens a welcome tab.
 */
async function launch(extDir, reuseProfile = null, { debugPort = false, deferredEntry = false } = {}) {
  const userDataDir = reuseProfile ?? mkdtempSync(join(os.tmpdir(), 'learning-loop-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: false,
    colorScheme: 'light',
    locale: 'en-GB',
    viewport: { width: 1280, height: 860 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      ...(debugPort ? ['--remote-debugging-port=0'] : []),
    ],
  });
  // Nothing leaves the machine: every request not routed below is refused (thumbnails too).
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  await context.route(/^https:\/\/blog\.example\.org\//, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: articleHtml(new URL(route.request().url())),
    }),
  );
  await context.route(/^https:\/\/www\.youtube\.com\/watch/, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: watchHtml(new URL(route.request().url())),
    }),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const url = (path) => `chrome-extension://${extensionId}/${path}`;
  // The welcome tab a fresh install opens: a user reads and closes it; left open, it would
  // share the extension's renderer with every page measured.
  const isExtensionPage = (p) => p.url().startsWith(url(''));
  if (deferredEntry) await worker.evaluate(() => self.__start());
  else if (!context.pages().some(isExtensionPage))
    await context.waitForEvent('page', { predicate: isExtensionPage, timeout: 3000 }).catch(() => null);
  for (const page of context.pages()) if (isExtensionPage(page)) await page.close();
  // The control page: seeds, counts and finds tab ids. It sits idle while anything is measured.
  const control = await context.newPage();
  await control.goto(url('bench-seed.html'));
  await control.waitForFunction(() => globalThis.bench?.ready === true);
  // The page the popup is opened for, as a user would: an article in a tab.
  const article = await context.newPage();
  const articleUrl = 'https://blog.example.org/2025/05/what-we-learned-from-a-year-of-retrospectives';
  await article.goto(articleUrl);
  const articleTab = await tabId(control, articleUrl);
  return {
    context,
    control,
    url,
    articleTab,
    userDataDir,
    extensionId,
    close: async (keepProfile = false) => {
      await context.close().catch(() => {});
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function tabId(control, wanted) {
  return control.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, wanted);
}

/** A watch page shaped like YouTube's (player response, chapter markers, a <video> at a moment). */
function watchHtml(url) {
  const id = url.searchParams.get('v') ?? 'benchVideo0';
  const at = Number(url.searchParams.get('at') ?? 754);
  const player = {
    videoDetails: { videoId: id, title: `Bench talk ${id}`, author: 'Bench channel', lengthSeconds: '2537' },
  };
  const chapters = [
    ['Intro', 0],
    ['Shared vision', 600],
    ['Team learning', 1500],
  ].map(([title, s]) => ({ chapterRenderer: { title: { simpleText: title }, timeRangeStartMillis: s * 1000 } }));
  const data = {
    currentVideoEndpoint: { watchEndpoint: { videoId: id } },
    playerOverlays: {
      playerOverlayRenderer: {
        decoratedPlayerBarRenderer: {
          decoratedPlayerBarRenderer: {
            playerBar: {
              multiMarkersPlayerBarRenderer: { markersMap: [{ key: 'DESCRIPTION_CHAPTERS', value: { chapters } }] },
            },
          },
        },
      },
    },
  };
  return `<!doctype html><html><head><title>Bench talk ${id} - YouTube</title>
<link rel="canonical" href="https://www.youtube.com/watch?v=${id}"></head><body>
<div id="player"><video class="html5-main-video"></video></div>
<ytd-watch-metadata><div id="title"><h1><yt-formatted-string>Bench talk ${id}</yt-formatted-string></h1></div></ytd-watch-metadata>
<script>var ytInitialPlayerResponse = ${JSON.stringify(player)};</script>
<script>var ytInitialData = ${JSON.stringify(data)};</script>
<script>document.querySelector('video').currentTime = ${at};</script>
</body></html>`;
}

/** A realistic article page (about 1,200 words, Open Graph and author metadata), per URL. */
function articleHtml(url) {
  const slug = url.pathname.split('/').filter(Boolean).pop() ?? 'article';
  const title = decodeURIComponent(slug)
    .replace(/-/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());
  const para =
    'Teams learn far more from the follow-up of work they have done than from any course. When we started running retrospectives every second week, the first ones were polite and short. ' +
    'It took months before people said what went less well, and why. What changed was not the format but the follow-up: every retrospective ended with one concrete action, with a name and a date, ' +
    'and the next one started by asking whether we had done it and what effect it had.';
  const body = Array.from({ length: 14 }, (_, i) => `<h2>Part ${i + 1}</h2><p>${para}</p><p>${para}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Example Blog</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Example Blog"><meta property="og:type" content="article">
<meta name="author" content="Sofia Lindqvist"><meta property="article:published_time" content="2025-05-20T08:00:00Z">
<meta name="description" content="What a year of retrospectives taught one team about learning at work.">
<link rel="canonical" href="${url.origin}${url.pathname}"></head>
<body><header><nav><a href="/">Example Blog</a></nav></header><main><article><h1>${title}</h1><p class="byline">By Sofia Lindqvist</p>${body}</article></main><footer>© Example</footer></body></html>`;
}

async function chromiumVersion(context) {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const v = await cdp.send('Browser.getVersion');
  await cdp.detach();
  return v.product;
}

// ---------------------------------------------------------------------------------- in-page probes

/**
 * Installed before any of the page's own scripts (addInitScript): records, in the page's clock
 * (ms from navigation start), when `selector` first matches, or when one of `titles` appears as
 * text. Mutation observers run right after the DOM change, before the next paint.
 */
function readyProbe({ selector, titles, saveLabel, countSelector, longTasks }) {
  const probe = { ready: null };
  window.__bench = probe;
  // The longest stretch the page could not answer the user while it loaded (lists: every entry
  // drawn at once blocked it for seconds).
  if (longTasks) {
    probe.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longestTask = Math.max(probe.longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  }
  const wanted = titles ? new Set(titles) : null;
  let resolveDone;
  probe.done = new Promise((r) => (resolveDone = r));
  const hasTitle = (node) => {
    if (node.nodeType === 3) return wanted.has(node.data.trim());
    if (node.nodeType !== 1) return false;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (wanted.has(n.data.trim())) return true;
    return false;
  };
  const hit = () => {
    probe.ready = performance.now();
    // The same moment in a Chrome trace (measureLoadTrace).
    performance.mark('bench:ready');
    if (!saveLabel && !countSelector) observer.disconnect();
    resolveDone(probe.ready);
  };
  const observer = new MutationObserver((records) => {
    // Where the time goes: the app's first render (its root gets content).
    if (probe.firstRender === undefined && document.getElementById('app')?.firstElementChild)
      probe.firstRender = performance.now();
    // The popup's primary action: "Save this page" in the DOM and enabled.
    if (
      probe.saveUsable === undefined &&
      saveLabel &&
      [...document.querySelectorAll('button')].some((b) => !b.disabled && b.textContent.trim() === saveLabel)
    ) {
      probe.saveUsable = performance.now();
      performance.mark('bench:save');
    }
    // The library: when its count says how many resources there are ("100,000 resources").
    if (countSelector && probe.countShown === undefined) {
      const count = document.querySelector(countSelector)?.textContent?.trim() ?? '';
      if (/^[\d,]+ resources?$/.test(count)) probe.countShown = performance.now();
    }
    if (probe.ready !== null) {
      if ((!saveLabel || probe.saveUsable !== undefined) && (!countSelector || probe.countShown !== undefined))
        observer.disconnect();
      return;
    }
    if (selector && document.querySelector(selector)) return hit();
    if (wanted)
      for (const rec of records) {
        if (rec.type === 'characterData' ? hasTitle(rec.target) : [...rec.addedNodes].some(hasTitle)) return hit();
      }
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: Boolean(wanted || countSelector),
    attributes: Boolean(saveLabel),
  });
  // Static markup (the empty page) is parsed before the observer sees a change.
  document.addEventListener('DOMContentLoaded', () => {
    // Module scripts have run (parsed, evaluated) by DOMContentLoaded.
    probe.dcl = performance.now();
    if (probe.ready === null && selector && document.querySelector(selector)) hit();
  });
  // Export: when the file is handed to the browser (a blob URL, then an <a download> click).
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (obj) => {
    probe.blobAt = performance.now();
    return createObjectURL(obj);
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download')) probe.downloadClickAt = performance.now();
    return click.call(this);
  };
  // Import: when the file input changes.
  document.addEventListener(
    'change',
    (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'file') probe.changeAt = e.timeStamp;
    },
    true,
  );
}

async function timedLoad(context, url, probeArg, viewport) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.addInitScript(readyProbe, probeArg);
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await Promise.race([
    page.evaluate(() => window.__bench.done),
    page.waitForTimeout(60_000).then(() => null),
  ]);
  const phases =
    ready === null
      ? null
      : await page.evaluate(() => ({
          dcl: window.__bench.dcl ?? null,
          firstRender: window.__bench.firstRender ?? null,
        }));
  if (phases && probeArg.saveLabel) {
    phases.saveUsable = await page
      .waitForFunction(() => window.__bench.saveUsable ?? null, null, { timeout: 10_000, polling: 20 })
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    // The popup's own measure of reading the tab (tabs lookup to the capture script's answer).
    const capture = await page.evaluate(() => performance.getEntriesByName('popup:capture')[0] ?? null);
    if (capture) Object.assign(phases, { captureStart: capture.startTime, capture: capture.duration });
  }
  return { page, ready, phases };
}

const POPUP_READY = 'section.recent ul li, section.recent .empty';
const POPUP_VIEWPORT = { width: 380, height: 600 };

/** The popup and its two floor pages, for the tab `tab`: where each is and what it waits for. */
function popupPages(tab) {
  const saving = { selector: POPUP_READY, saveLabel: 'Save this page' };
  return {
    empty: { path: 'bench-empty.html', probe: { selector: '[data-bench-ready]' } },
    floor: { path: `bench-script-floor.html?tab=${tab}`, probe: saving },
    popup: { path: `popup.html?tab=${tab}`, probe: saving },
  };
}

/**
 * Empty page and popup in every profile, interleaved run by run (profile A empty, A popup,
 * B empty, B popup, …) so all of them see the same machine load; ratios are taken run by run.
 */
async function measurePopups(browsers) {
  const out = browsers.map(() => ({
    empty: [],
    floor: [],
    floorSave: [],
    floorTab: [],
    popup: [],
    dcl: [],
    firstRender: [],
    save: [],
    captureStart: [],
    capture: [],
  }));
  for (let i = 0; i < WARMUP + POPUP_RUNS; i++) {
    for (const [k, b] of browsers.entries()) {
      const pages = popupPages(b.articleTab);
      const e = await timedLoad(b.context, b.url(pages.empty.path), pages.empty.probe, POPUP_VIEWPORT);
      await e.page.close();
      const f = await timedLoad(b.context, b.url(pages.floor.path), pages.floor.probe, POPUP_VIEWPORT);
      const floorTab = await f.page.evaluate(
        () => performance.getEntriesByName('floor:tab-read')[0]?.startTime ?? null,
      );
      await f.page.close();
      const p = await timedLoad(b.context, b.url(pages.popup.path), pages.popup.probe, POPUP_VIEWPORT);
      // Let the capture card finish before the page closes, as a user's popup would.
      await p.page.waitForTimeout(150);
      await p.page.close();
      if (e.ready === null || f.ready === null || p.ready === null)
        throw new Error('popup, empty page or floor page never became ready');
      if (f.phases?.saveUsable == null) throw new Error('the floor page never looked its tab up');
      if (i >= WARMUP) {
        out[k].empty.push(e.ready);
        out[k].floor.push(f.ready);
        out[k].floorSave.push(f.phases.saveUsable);
        if (floorTab !== null) out[k].floorTab.push(floorTab);
        out[k].popup.push(p.ready);
        if (p.phases?.dcl != null) out[k].dcl.push(p.phases.dcl);
        if (p.phases?.firstRender != null) out[k].firstRender.push(p.phases.firstRender);
        if (p.phases?.saveUsable != null) out[k].save.push(p.phases.saveUsable);
        if (p.phases?.capture != null) {
          out[k].captureStart.push(p.phases.captureStart);
          out[k].capture.push(p.phases.capture);
        }
      }
      await sleep(50);
    }
  }
  return out;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function measureSave(b) {
  const samples = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const url = `https://blog.example.org/2025/06/notes-on-teaching-colleagues-what-you-learned-part-${i + 1}`;
    const title = `Notes on teaching colleagues what you learned part ${i + 1}`;
    const tab = await b.context.newPage();
    await tab.goto(url);
    const id = await tabId(b.control, url);
    const popup = await b.context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(b.url(`popup.html?tab=${id}`));
    const button = popup.getByRole('button', { name: 'Save this page' });
    if (!(await button.count().catch(() => 0)) && i === 0) {
      await popup.close();
      await tab.close();
      return { na: 'no "Save this page" button in the popup' };
    }
    // Ready to save: the capture card shows the page and the button is enabled.
    await popup.waitForFunction((t) => document.querySelector('#capture-title')?.textContent?.trim() === t, title, {
      timeout: 20_000,
    });
    await popup.waitForFunction(() =>
      [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Save this page' && !b.disabled),
    );
    await popup.waitForTimeout(100);
    await popup.evaluate((t) => {
      window.__saveDone = new Promise((resolveDone, reject) => {
        let clickAt = null;
        document.addEventListener('click', (e) => (clickAt ??= e.timeStamp), { capture: true, once: true });
        const ok = () =>
          [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.trim() === 'Saved') &&
          [...document.querySelectorAll('section.recent ul li')].some((li) => li.textContent.includes(t));
        const observer = new MutationObserver(() => {
          if (clickAt !== null && ok()) {
            observer.disconnect();
            resolveDone(performance.now() - clickAt);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => reject(new Error('no "Saved" status and list item within 15 s')), 15_000);
      });
    }, title);
    await button.click();
    const ms = await popup.evaluate(() => window.__saveDone);
    if (i >= WARMUP) samples.push(ms);
    await popup.close();
    await tab.close();
    await sleep(100);
  }
  return stats(samples);
}

/** What the live service worker has run this life (the loader's list), or null while none answers. */
async function workerRan(context) {
  // A stopped worker may still be listed and never answers: ask each, briefly.
  const answers = await Promise.all(
    context
      .serviceWorkers()
      .map((worker) =>
        Promise.race([
          worker.evaluate((name) => self[name]?.ran?.() ?? null, BACKGROUND_DEFINE),
          sleep(1000).then(() => null),
        ]).catch(() => null),
      ),
  );
  return answers.find((answer) => answer !== null) ?? null;
}

/**
 * What a woken worker has loaded (`readLoaded`: the loader's `ran()` list) once `reacted` holds and
 * nothing more has loaded for a second; after 20 s, whatever it last said.
 */
async function settledLoads(readLoaded, reacted = () => true) {
  const end = performance.now() + 20_000;
  let loaded = null;
  let steadySince = performance.now();
  while (performance.now() < end) {
    const now = await readLoaded();
    if (!now || now.length !== loaded?.length || !reacted(now)) steadySince = performance.now();
    else if (performance.now() - steadySince >= 1000) return now;
    loaded = now;
    await sleep(100);
  }
  return loaded;
}

/**
 * The commonest wake: the worker stopped (as the browser stops it after 30 s idle), then the
 * popup saves a page and tells it. Counted from what the worker ran, once it has reacted and
 * nothing more loads for a second.
 */
async function measureWake(b, extDir) {
  const url = 'https://blog.example.org/2025/07/what-a-stopped-worker-loads';
  const tab = await b.context.newPage();
  await tab.goto(url);
  const id = await tabId(b.control, url);
  if ((await workerRan(b.context)) === null) return { na: 'the background is not split (no loader list)' };
  const cdp = await b.context.newCDPSession(b.control);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  const popup = await b.context.newPage();
  await popup.goto(b.url(`popup.html?tab=${id}`));
  const button = popup.getByRole('button', { name: 'Save this page' });
  await popup.waitForFunction(() =>
    [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Save this page' && !b.disabled),
  );
  await button.click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const ran = await settledLoads(
    () => workerRan(b.context),
    (loaded) => loaded.some((u) => u.includes('changes-feature')),
  );
  await popup.close();
  await tab.close();
  if (!ran?.some((u) => u.includes('changes-feature'))) throw new Error('the woken worker never reacted to the save');
  const files = ran.map((u) => new URL(u).pathname.slice(1));
  return { kB: files.reduce((n, f) => n + gz(extDir, f), 0) / 1000, files };
}

/**
 * Prepended to a copy of the background (measureWakeCoverage): the entry's define() call, the first
 * in every life of the worker, waits for `self.__start()`; every other passes through.
 */
const DEFERRED_ENTRY = `(()=>{let real,wrapper,entry=true;Object.defineProperty(self,${JSON.stringify(BACKGROUND_DEFINE)},{configurable:true,get:()=>wrapper,set(fn){real=fn;wrapper=(deps,factory)=>{if(entry){entry=false;self.__start=()=>real(deps,factory);return}return real(deps,factory)};wrapper.ran=fn.ran;wrapper.install=fn.install}})})();\n`;
const MENU_SAVE_QUOTE = readFileSync(join(ROOT, 'lib/background/names.ts'), 'utf8').match(
  /MENU_SAVE_QUOTE = '([^']+)'/,
)?.[1];

/**
 * The heaviest wake, measured: a quote from the page's menu in a worker the browser had stopped,
 * with the reactions its write sets off (snapshot and sync checks); and under it, the code that
 * wake runs, from V8's block coverage: each loaded file cut to what ran (the branches no call
 * reached left out) and gzipped as the files are, then as one file. No build of this code can load
 * less for this event. The profiler must start before the worker's first module runs, and a
 * stopped worker cannot be held at its start from a second session: so this runs on a copy whose
 * entry waits for `self.__start()` (DEFERRED_ENTRY, not counted), in its own browser.
 */
async function measureWakeCoverage(extDir) {
  const original = readFileSync(join(extDir, 'background.js'), 'utf8');
  if (!original.includes(`${BACKGROUND_DEFINE}(`)) return { na: 'the background is not split (no loader)' };
  if (!MENU_SAVE_QUOTE) throw new Error('no MENU_SAVE_QUOTE in lib/background/names.ts');
  const copy = mkdtempSync(join(os.tmpdir(), 'learning-loop-bench-coverage-'));
  cpSync(extDir, copy, { recursive: true });
  writeFileSync(join(copy, 'background.js'), DEFERRED_ENTRY + original);
  const b = await launch(copy, null, { debugPort: true, deferredEntry: true });
  let browser = null;
  try {
    // A user's database exists before the wake, with something in it.
    await b.control.evaluate(() => globalThis.bench.seed(1));
    const url = 'https://blog.example.org/2025/08/a-quote-from-the-menu';
    const tab = await b.context.newPage();
    await tab.goto(url);
    const exact = await tab.evaluate(() => {
      const text = document.querySelector('h2 + p').firstChild;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, text.data.indexOf('.') + 1);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return range.toString();
    });
    const id = await tabId(b.control, url);
    const port = readFileSync(join(b.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const session = await browser.newBrowserCDPSession();
    const serviceWorkers = async () =>
      (await session.send('Target.getTargets')).targetInfos.filter(
        (t) => t.type === 'service_worker' && t.url.startsWith(b.url('')),
      );
    const pageSession = await b.context.newCDPSession(b.control);
    await pageSession.send('ServiceWorker.enable');
    await pageSession.send('ServiceWorker.stopAllWorkers');
    await until(async () => (await serviceWorkers()).length === 0, 'the worker never stopped');
    // Started as the browser starts it for an event; the menu's event is then dispatched in it.
    await pageSession.send('ServiceWorker.startWorker', { scopeURL: b.url('') });
    const target = await until(async () => (await serviceWorkers())[0], 'the worker never started');
    const worker = await workerSession(session, target.targetId);
    await worker.call('Profiler.enable');
    await worker.call('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
    const info = { menuItemId: MENU_SAVE_QUOTE, selectionText: exact, pageUrl: url, frameId: 0, editable: false };
    await worker.evaluate(
      `(async () => { self.__start(); chrome.contextMenus.onClicked.dispatch(${JSON.stringify(info)}, await chrome.tabs.get(${id})); })()`,
    );
    await until(
      () =>
        b.control.evaluate(
          ({ url, exact }) =>
            new Promise((resolve) => {
              // Looked at as it is, never created or upgraded from here.
              const open = indexedDB.open('learning-loop');
              open.onupgradeneeded = () => open.transaction.abort();
              open.onerror = () => resolve(false);
              open.onsuccess = () => {
                const get = open.result.transaction('resources').objectStore('resources').getAll();
                get.onerror = () => resolve(false);
                get.onsuccess = () => {
                  open.result.close();
                  resolve(get.result.some((r) => r.url === url && JSON.stringify(r).includes(exact)));
                };
              };
            }),
          { url, exact },
        ),
      'the quote was never stored',
    );
    // Its reactions done.
    const ran = await settledLoads(() => worker.evaluate(`self.${BACKGROUND_DEFINE}.ran()`));
    const { result } = await worker.call('Profiler.takePreciseCoverage');
    const origin = b.url('');
    const files = [];
    for (const script of result) {
      if (!script.url.startsWith(origin)) continue;
      const file = script.url.slice(origin.length);
      const text = readFileSync(join(copy, file), 'utf8');
      const from = file === 'background.js' ? DEFERRED_ENTRY.length : 0;
      files.push({ file, loaded: text.slice(from), ran: ranText(script.functions, text, from) });
    }
    const missing = ran.map((u) => u.slice(origin.length)).filter((f) => !files.some((x) => x.file === f));
    if (missing.length) throw new Error(`coverage lists no script for ${missing.join(', ')}`);
    if (!files.some((f) => f.file.includes('quote-feature')))
      throw new Error('the wake never loaded the quote feature');
    const gzText = (text) => gzipSync(text, { level: 9 }).length / 1000;
    return {
      loadedKB: files.reduce((n, f) => n + gzText(f.loaded), 0),
      ranKB: files.reduce((n, f) => n + gzText(f.ran), 0),
      ranOneFileKB: gzText(files.map((f) => f.ran).join('\n')),
      files: files.map((f) => f.file),
      // Which files the floor is made of: each one's gzip loaded and run, kB.
      byFile: Object.fromEntries(files.map((f) => [f.file, [gzText(f.loaded), gzText(f.ran)]])),
    };
  } finally {
    await browser?.close().catch(() => {});
    await b.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * Where a page's first milliseconds go, from a Chrome trace (`Tracing` through a browser session):
 * the empty page, the one-script page and the popup, loaded in turn in a profile of one resource,
 * each timed from the request for its HTML. Any page painted by a script waits for that script's
 * file, which the browser process serves (the renderer sits idle meanwhile); the trace says how
 * long that round trip is, and how much of the popup's wait is its own code once the file is in.
 * Tracing slows every page a little, all alike: these are shares and gaps, not the timed figures.
 */
async function measureLoadTrace(extDir) {
  const loads = QUICK ? 5 : 10;
  const b = await launch(extDir, null, { debugPort: true });
  let browser = null;
  try {
    await b.control.evaluate(() => globalThis.bench.seed(1));
    const port = readFileSync(join(b.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const session = await browser.newBrowserCDPSession();
    const events = [];
    session.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((resolveComplete) => session.once('Tracing.tracingComplete', resolveComplete));
    await session.send('Tracing.start', {
      traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing'] },
      transferMode: 'ReportEvents',
    });
    // The pages the popup's figures load, and the moments each of their loads must have in the trace.
    const { empty, floor, popup } = popupPages(b.articleTab);
    const script = ['scriptRequested', 'scriptArrived', 'ready', 'save'];
    const pages = {
      empty: { ...empty, moments: ['ready'] },
      floor: { ...floor, moments: script },
      popup: { ...popup, moments: [...script, 'captureStart'] },
    };
    for (let i = 0; i < WARMUP + loads; i++)
      for (const { path, probe } of Object.values(pages)) {
        const load = await timedLoad(b.context, b.url(path), probe, POPUP_VIEWPORT);
        if (load.ready === null) throw new Error(`${path} never became ready under the trace`);
        await load.page.waitForTimeout(150);
        await load.page.close();
      }
    await session.send('Tracing.end');
    await complete;
    return traceLoads(
      events,
      b.url(''),
      Object.values(pages).map((p) => ({ name: p.path.split('?')[0], moments: p.moments })),
      WARMUP,
    );
  } finally {
    await browser?.close().catch(() => {});
    await b.close();
  }
}

/**
 * Per page (by its HTML's name): each load's moments, ms from its HTML's request; warm-ups dropped.
 * A load missing a moment its page must have (`pages[].moments`) fails the measurement.
 */
function traceLoads(events, origin, pages, warmup) {
  const names = pages.map((p) => p.name);
  const data = (e) => (e.args && typeof e.args.data === 'object' && e.args.data) || {};
  const sorted = events.filter((e) => typeof e.ts === 'number').sort((a, b) => a.ts - b.ts);
  const requests = sorted.filter((e) => e.name === 'ResourceSendRequest' && data(e).url?.startsWith(origin));
  const arrived = new Map(
    sorted.filter((e) => e.name === 'ResourceReceiveResponse').map((e) => [data(e).requestId, e.ts]),
  );
  const starts = requests.filter((e) => names.some((n) => data(e).url.slice(origin.length).split('?')[0] === n));
  const out = Object.fromEntries(names.map((n) => [n, []]));
  for (const [i, start] of starts.entries()) {
    const name = data(start).url.slice(origin.length).split('?')[0];
    const end = starts[i + 1]?.ts ?? Infinity;
    const within = (e) => e.ts >= start.ts && e.ts < end;
    const ms = (ts) => (ts === undefined ? null : (ts - start.ts) / 1000);
    const script = requests.find((e) => within(e) && data(e).url.endsWith('.js'));
    const mark = (n) => sorted.find((e) => within(e) && e.name === n)?.ts;
    out[name].push({
      scriptRequested: ms(script?.ts),
      scriptArrived: ms(script ? arrived.get(data(script).requestId) : undefined),
      ready: ms(mark('bench:ready')),
      save: ms(mark('bench:save')),
      // The popup's own mark: its script starts reading the tab.
      captureStart: ms(mark('popup:capture-start')),
    });
  }
  for (const { name, moments } of pages) {
    if (out[name].length <= warmup) throw new Error(`the trace holds ${out[name].length} loads of ${name}`);
    out[name] = out[name].slice(warmup);
    const missing = moments.find((m) => out[name].some((load) => !Number.isFinite(load[m])));
    if (missing) throw new Error(`a traced load of ${name} has no ${missing}`);
  }
  return out;
}

/**
 * The text of a script that ran, from V8's block coverage: ranges nest (a function, then its
 * blocks), so painting them outermost first leaves each character its innermost count.
 */
function ranText(functions, text, from) {
  const counts = new Int32Array(text.length);
  const ranges = functions
    .flatMap((f) => f.ranges)
    .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  for (const range of ranges) counts.fill(range.count, range.startOffset, Math.min(range.endOffset, text.length));
  let out = '';
  for (let i = from; i < text.length; i++) if (counts[i] > 0) out += text[i];
  return out;
}

/** A service worker's own DevTools session, through the browser's (one that never pauses it). */
async function workerSession(browserSession, targetId) {
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map();
  browserSession.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`${method}: no answer in 15 s`)), 15_000);
      waiting.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve(m.result);
      });
      browserSession
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  const evaluate = async (expression) => {
    const { result, exceptionDetails } = await call('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  };
  return { call, evaluate };
}

/** Polls `check` until it gives something truthy (10 s at most). */
async function until(check, failure) {
  const end = performance.now() + 10_000;
  while (performance.now() < end) {
    const value = await check();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(failure);
}

async function candidateTitles(control) {
  // Titles the library could show first, whatever its default order: newest created and updated.
  return control.evaluate(async () => {
    const open = await new Promise((res, rej) => {
      const r = indexedDB.open('learning-loop');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const take = (index, dir) =>
      new Promise((res) => {
        const out = [];
        const req = open.transaction('resources').objectStore('resources').index(index).openCursor(null, dir);
        req.onsuccess = () => {
          const c = req.result;
          if (!c || out.length >= 60) return res(out);
          out.push(c.value.title.trim());
          c.continue();
        };
      });
    const titles = [
      ...(await take('createdAt', 'prev')),
      ...(await take('updatedAt', 'prev')),
      ...(await take('createdAt', 'next')),
    ];
    open.close();
    return [...new Set(titles)];
  });
}

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1e6;
}

/**
 * The library reads the whole store in chunks after showing the newest screen, and marks
 * `library:index-ready` (performance.mark) when search covers everything. Waits for that mark
 * (or, on a page without it, for the page to be quiet) and returns its time, or null.
 */
const INDEX_MARK = 'library:index-ready';
async function indexReady(page) {
  const at = await page
    .waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime ?? null, INDEX_MARK, {
      timeout: 90_000,
      polling: 100,
    })
    .then((handle) => handle.jsonValue())
    .catch(() => null);
  if (at === null) await settle(page, 1000);
  return at;
}

/** The library's rows kept between visits (lib/library/index-cache.ts) and its mark once written. */
const KEPT_DB = 'learning-loop-search-index';
const KEPT_MARK = 'library:index-kept';

/**
 * Each run opens the library twice: a first visit with nothing kept (the copy's database deleted
 * from the control page first), which then keeps its rows (waited for: the `library:index-kept`
 * mark), and a later visit, which starts from that copy. The heap is weighed on the later visit.
 */
async function measureLibrary(b, { memory }) {
  const titles = await candidateTitles(b.control);
  const ready = [];
  const searchable = [];
  const searchableKept = [];
  const countedKept = [];
  const heap = [];
  let textMB = null;
  let keptUsed = 0;
  const visit = async () => {
    const { page, ready: at } = await timedLoad(b.context, b.url('library.html#resources'), {
      titles,
      countSelector: '.res-count',
    });
    if (at === null) {
      await page.close();
      return null;
    }
    const whole = await indexReady(page);
    const counted = await page
      .waitForFunction(() => window.__bench.countShown ?? null, null, { timeout: 30_000, polling: 50 })
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    const fromCopy = await page.evaluate(
      (name) => performance.getEntriesByName(name)[0]?.detail?.fromCopy ?? null,
      INDEX_MARK,
    );
    return { page, at, whole, fromCopy, counted };
  };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    await b.control.evaluate(
      (name) =>
        new Promise((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve(undefined);
          request.onerror = () => reject(request.error);
        }),
      KEPT_DB,
    );
    const first = await visit();
    if (!first)
      return { na: 'no resource title appeared in the library within 60 s (is the resources list there yet?)' };
    const kept = await first.page
      .waitForFunction((name) => performance.getEntriesByName(name).length > 0, KEPT_MARK, {
        timeout: 90_000,
        polling: 100,
      })
      .then(() => true)
      .catch(() => false);
    await first.page.close();
    const later = kept ? await visit() : null;
    if (i >= WARMUP) {
      ready.push(first.at);
      if (first.whole !== null) searchable.push(first.whole);
      if (later) {
        ready.push(later.at);
        if (later.whole !== null) searchableKept.push(later.whole);
        if (later.counted !== null) countedKept.push(later.counted);
        if (later.fromCopy) keptUsed++;
        // The heap once the whole library is in memory, after a full garbage collection.
        if (memory) heap.push(await heapMB(later.page));
        if (memory && textMB === null)
          textMB = await later.page.evaluate(
            (name) => (performance.getEntriesByName(name)[0]?.detail?.textChars ?? 0) * 2e-6 || null,
            INDEX_MARK,
          );
      }
    }
    await later?.page.close();
    await sleep(100);
  }
  log(`library: ${keptUsed} of ${RUNS} later visits started from the kept copy`);
  return {
    ready: stats(ready),
    ...(searchable.length === RUNS ? { searchable: stats(searchable) } : {}),
    ...(searchableKept.length === RUNS && keptUsed === RUNS ? { searchableKept: stats(searchableKept) } : {}),
    ...(countedKept.length === RUNS && keptUsed === RUNS ? { countedKept: stats(countedKept) } : {}),
    ...(memory && heap.length ? { heap: stats(heap), textMB } : {}),
    keptUsed,
  };
}

/**
 * Keystroke to results: the box holds a prefix with its results settled; one more letter is
 * pressed (a real key event) and the time runs from that keydown (its event timestamp, so input
 * dispatch counts) to the DOM change that shows the new results: the match count text when the
 * page has one (a live region), otherwise the last change to the results within a quiet period.
 * Any debounce is inside this time.
 */
const SEARCH_STEPS = [
  // Each extra letter narrows the generated library's results (feed → feedback, not
  // feedforward; team → teamwork, not teams), so the count text always changes.
  ['feed', 'b'],
  ['team', 'w'],
  ['coach', 'i'],
  ['retro', 's'],
  ['mentor', 'i'],
  ['feed', 'f'],
  ['learn', 'e'],
  ['shar', 'e'],
  ['work', 's'],
  ['test', 'i'],
  ['coach', 'e'],
];
async function measureSearch(b) {
  const titles = await candidateTitles(b.control);
  const { page, ready } = await timedLoad(b.context, b.url('library.html#resources'), { titles });
  try {
    if (ready === null) return { na: 'the resources list never rendered' };
    const box = page.getByRole('searchbox', { name: 'Search' });
    if (!(await box.count())) return { na: 'no searchbox named "Search" in the library' };
    // Steady state: the whole library is searchable (typing earlier is a different figure).
    await indexReady(page);
    const samples = [];
    const methods = new Set();
    let misses = 0;
    for (let i = 0; samples.length < RUNS; i++) {
      if (misses > 3) return { na: `${misses} keystrokes changed nothing on the page` };
      const [prefix, key] = SEARCH_STEPS[i % SEARCH_STEPS.length];
      await box.fill(prefix);
      await settle(page, 600);
      // Install the probe and wait for it to be in place, then press, then read the result.
      await page.evaluate(() => {
        window.__searchDone = new Promise((resolveDone, reject) => {
          const main = document.querySelector('main') ?? document.body;
          const live = () =>
            [...main.querySelectorAll('[role=status], [aria-live], output')].filter(
              (el) => !el.closest('[role=alert]'),
            );
          const before = new Map(live().map((el) => [el, el.textContent]));
          let keyAt = null;
          let countAt = null;
          let lastAt = null;
          let quiet = null;
          window.addEventListener('keydown', (e) => (keyAt ??= e.timeStamp), { capture: true, once: true });
          const finish = () => {
            observer.disconnect();
            if (keyAt === null || (countAt ?? lastAt) === null) reject(new Error('no change after the keystroke'));
            else
              resolveDone({
                ms: (countAt ?? lastAt) - keyAt,
                method: countAt !== null ? 'count text' : 'last DOM change',
              });
          };
          const observer = new MutationObserver((records) => {
            if (keyAt === null) return;
            const now = performance.now();
            if (records.some((r) => !(r.target instanceof HTMLInputElement))) lastAt = now;
            if (countAt === null)
              for (const el of live()) if (!before.has(el) || before.get(el) !== el.textContent) countAt ??= now;
            clearTimeout(quiet);
            quiet = setTimeout(finish, 800);
          });
          observer.observe(main, { childList: true, subtree: true, characterData: true, attributes: true });
          setTimeout(finish, 5_000);
        });
      });
      await page.keyboard.press(key);
      const res = await page.evaluate(() => window.__searchDone.catch((e) => ({ error: e.message })));
      if (res.error) {
        misses++;
        log(`search: "${prefix}" + "${key}" changed nothing (${res.error}); next query`);
        continue;
      }
      methods.add(res.method);
      if (i >= WARMUP) samples.push(res.ms);
    }
    return { ...stats(samples), method: [...methods].join(', ') };
  } finally {
    await page.close();
  }
}

/**
 * The first keystroke: the library opened afresh, a letter typed the moment the search box is
 * there (a real key event, so a user who types at once), to the count that says how many match
 * ("12 of 10,000 resources", or while the library is still being read, a count that says it covers
 * what is read so far). From the keydown's timestamp, in the page's clock.
 */
async function measureFirstKey(b) {
  const samples = [];
  const partial = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const page = await b.context.newPage();
    await page.addInitScript(() => {
      window.__firstKey = new Promise((resolveDone) => {
        let keyAt = null;
        addEventListener('keydown', (e) => (keyAt ??= e.timeStamp), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (keyAt === null) return;
          for (const el of document.querySelectorAll('main [role=status]')) {
            const text = el.textContent.trim();
            if (/^[\d,]+ of [\d,]+ /.test(text)) {
              observer.disconnect();
              resolveDone({ ms: performance.now() - keyAt, text, partial: /so far/.test(text) });
              return;
            }
          }
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
      });
    });
    await page.goto(b.url('library.html#resources'), { waitUntil: 'commit' });
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.waitFor({ timeout: 60_000 });
    await box.press('f');
    const res = await Promise.race([
      page.evaluate(() => window.__firstKey),
      page.waitForTimeout(30_000).then(() => null),
    ]);
    await page.close();
    if (res === null) return { na: 'no match count within 30 s of the first keystroke' };
    if (i >= WARMUP) {
      samples.push(res.ms);
      partial.push(res.partial);
    }
    await sleep(100);
  }
  return { ...stats(samples), partialResults: partial.filter(Boolean).length };
}

/** Waits until `main` has not changed for `quietMs`. */
async function settle(page, quietMs) {
  await page.evaluate(
    (q) =>
      new Promise((res) => {
        let timer = setTimeout(done, q);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, q);
        });
        function done() {
          observer.disconnect();
          res();
        }
        observer.observe(document.querySelector('main') ?? document.body, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
        setTimeout(done, 15_000);
      }),
    quietMs,
  );
}

async function openSettings(b) {
  const { page } = await timedLoad(b.context, b.url('library.html#settings'), { selector: 'main' });
  await settle(page, 300);
  return page;
}

/** Status texts of the settings page (what a user reads after import or export). */
const statusTexts = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[role=status], [role=alert], [aria-live], output')]
      .map((el) => el.textContent.trim())
      .filter(Boolean),
  );

async function measureExport(b) {
  const samples = [];
  let file = null;
  let lastPage = null;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const page = await openSettings(b);
    lastPage = page;
    const button = page.getByRole('button', { name: 'Export', exact: true });
    if (!(await button.count())) {
      await page.close();
      return { na: 'no "Export" button at library.html#settings' };
    }
    await page.evaluate(() => {
      window.__clickAt = new Promise((r) =>
        document.addEventListener('click', (e) => r(e.timeStamp), { capture: true, once: true }),
      );
    });
    const downloaded = page.waitForEvent('download', { timeout: 30_000 });
    const nodeStart = performance.now();
    await button.click();
    const download = await downloaded;
    const nodeMs = performance.now() - nodeStart;
    const t0 = await page.evaluate(() => window.__clickAt);
    const { blobAt, downloadClickAt } = await page.evaluate(() => ({
      blobAt: window.__bench.blobAt ?? null,
      downloadClickAt: window.__bench.downloadClickAt ?? null,
    }));
    const end = downloadClickAt ?? blobAt;
    const ms = end !== null && end >= t0 ? end - t0 : nodeMs;
    if (i === 0) file = readFileSync(await download.path());
    await download.delete().catch(() => {});
    if (i >= WARMUP) samples.push(ms);
    if (i < WARMUP + RUNS - 1) await page.close();
    await sleep(200);
  }
  const status = await statusTexts(lastPage);
  await lastPage.close();
  return { ...stats(samples), file, status };
}

/**
 * `withFloor`: after each import, the same records put raw in one transaction (rawPuts) in the
 * same browser, so each import has its floor beside it and the ratio is taken run by run (a
 * run of 7 imports, then 7 floors, put minutes of machine load drift between the two).
 */
async function measureImport(b, file, expected, { withFloor = false } = {}) {
  const samples = [];
  const statuses = [];
  const floors = [];
  const text = withFloor ? file.toString('utf8') : null;
  let floorRecords = 0;
  let stored = null;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    await b.control.evaluate(() => globalThis.bench.clearAll());
    const page = await openSettings(b);
    const input = page.locator('input[type=file]');
    const named = page.getByLabel('Import', { exact: false }).and(page.locator('input[type=file]'));
    const target = (await named.count()) ? named.first() : null;
    if (!target) {
      const unnamed = await input.count();
      await page.close();
      return {
        na: `no file input named "Import" at library.html#settings${unnamed ? ' (there is an unnamed one)' : ''}`,
      };
    }
    const before = await statusTexts(page);
    // Every update of the import's own status (its progress, then its result), in the page's
    // clock: the last one is "done". The rest of the page (the storage line beside it refreshes
    // about a second after a large write) is not the import's answer.
    await page.evaluate(() => {
      window.__bench.statusAt = [];
      const inImportStatus = (node) =>
        (node.nodeType === 3 ? node.parentElement : node)?.closest?.('.backup-progress, .backup-result, [role=alert]');
      new MutationObserver((records) => {
        if (records.some((r) => inImportStatus(r.target) || [...r.addedNodes].some((n) => inImportStatus(n))))
          window.__bench.statusAt.push(performance.now());
      }).observe(document.querySelector('main') ?? document.body, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    await target.setInputFiles({ name: 'learning-loop-export.json', mimeType: 'application/json', buffer: file });
    // An import into a non-empty library asks how: press "Merge…" if that appears.
    const deadline = Date.now() + 90_000;
    let count = 0;
    while (Date.now() < deadline) {
      await sleep(250);
      count = await b.control.evaluate(() => globalThis.bench.counts().then((c) => c.resources));
      if (count >= expected) break;
      // (Only when the library was not empty: merge, never replace.)
      const confirm = page.getByRole('button', { name: /^merge/i });
      if ((await confirm.count()) === 1 && (await confirm.isEnabled())) await confirm.click().catch(() => {});
    }
    if (count < expected) {
      const status = await statusTexts(page);
      await page.close();
      return {
        na: `import stored ${count} of ${expected} resources within 90 s (page says: ${status.join(' | ') || 'nothing'})`,
      };
    }
    await settle(page, 800);
    const { changeAt, statusAt } = await page.evaluate(() => ({
      changeAt: window.__bench.changeAt ?? null,
      statusAt: window.__bench.statusAt,
    }));
    const after = await statusTexts(page);
    statuses.push(after.filter((s) => !before.includes(s)).join(' | '));
    const end = statusAt.length ? statusAt[statusAt.length - 1] : null;
    if (changeAt === null || end === null) {
      await page.close();
      return { na: 'could not time the import (no change event or no page update)' };
    }
    if (i >= WARMUP) samples.push(end - changeAt);
    await page.close();
    await sleep(200);
    if (text) {
      stored = await b.control.evaluate(() => globalThis.bench.counts());
      const floor = await b.control.evaluate((t) => globalThis.bench.rawPuts(t), text);
      if (i >= WARMUP) floors.push(floor.ms);
      floorRecords = floor.records;
      await sleep(100);
    }
  }
  const floor = floors.length ? { ...stats(floors), records: floorRecords, stored } : null;
  return {
    ...stats(samples),
    status: statuses.at(-1),
    floor,
    ...(floor ? { vsFloor: ratioStats(samples, floors) } : {}),
  };
}

/** Floors measured in the seeding page, run for run like the figures they are compared with. */
async function measureRawReads(b) {
  const all = [];
  const resources = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const res = await b.control.evaluate(() => globalThis.bench.rawReads());
    if (i >= WARMUP) {
      all.push(res.ms);
      resources.push(res.resourcesMs);
    }
    await sleep(100);
  }
  return { all: stats(all), resources: stats(resources) };
}

/** Export through lib/backup alone (no UI), in the control page: the data layer's share. */
async function measureLibExport(b) {
  const samples = [];
  let text = null;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const res = await b.control.evaluate(() => globalThis.bench.libExport());
    if (res.na) return res;
    if (i >= WARMUP) samples.push(res.ms);
    await sleep(100);
  }
  // The file itself, for the import figures when there is no Export button to take it from.
  text = (await b.control.evaluate(() => globalThis.bench.libExport(true))).text ?? null;
  return { ...stats(samples), text };
}

/** Import through lib/backup alone (no UI), into an emptied database each run. */
async function measureLibImport(b, file, expected) {
  const samples = [];
  const text = file.toString('utf8');
  let phases = null;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const res = await b.control.evaluate((t) => globalThis.bench.libImport(t), text);
    if (res.na) return res;
    if (res.counts.resources < expected)
      return { na: `lib/backup stored ${res.counts.resources} of ${expected} resources` };
    if (i >= WARMUP) samples.push(res.ms);
    phases = res.phases;
    await sleep(100);
  }
  await b.control.evaluate(() => globalThis.bench.clearAll());
  return { ...stats(samples), phases };
}

/**
 * A clip from the popup on a saved talk: Enter in the clip note (its keydown timestamp) to the
 * status "Clipped …" and the new clip at the top of the popup's list.
 */
async function measureClip(b) {
  const samples = [];
  const videoUrl = 'https://www.youtube.com/watch?v=benchClip01';
  const tab = await b.context.newPage();
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const at = 600 + i * 37;
    await tab.goto(`${videoUrl}&at=${at}`);
    const id = await tabId(b.control, await tab.url());
    const popup = await b.context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(b.url(`popup.html?tab=${id}`));
    const box = popup.locator('.clip-box textarea');
    if (!(await box.count().catch(() => 0)) && i === 0) {
      await box.waitFor({ timeout: 10_000 }).catch(() => undefined);
      if (!(await box.count())) {
        await popup.close();
        await tab.close();
        return { na: 'no clip box in the popup' };
      }
    }
    await box.waitFor();
    const note = `Clip note ${i + 1}`;
    await box.fill(note);
    await popup.evaluate((text) => {
      window.__clipDone = new Promise((resolveDone, reject) => {
        let keyAt = null;
        document.addEventListener('keydown', (e) => (keyAt ??= e.timeStamp), { capture: true, once: true });
        const ok = () =>
          [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.trim().startsWith('Clipped')) &&
          [...(document.querySelector('.clip-list li')?.querySelectorAll('*') ?? [])].some((el) =>
            (el.value ?? el.textContent).includes(text),
          );
        const observer = new MutationObserver(() => {
          if (keyAt !== null && ok()) {
            observer.disconnect();
            resolveDone(performance.now() - keyAt);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => {
          const said = [...document.querySelectorAll('[role=status], [role=alert]')].map((s) => s.textContent.trim());
          const first = document.querySelector('.clip-list li')?.textContent ?? 'no list';
          reject(
            new Error(`no "Clipped" status and list item within 15 s (status: ${said.join(' | ')}; first: ${first})`),
          );
        }, 15_000);
      });
    }, note);
    await box.press('Enter');
    const ms = await popup.evaluate(() => window.__clipDone);
    if (i >= WARMUP) samples.push(ms);
    await popup.close();
    await sleep(100);
  }
  await tab.close();
  return stats(samples);
}

/**
 * A quote from the popup: a sentence selected on an article (the same sentence stands in every
 * part, so the text directive needs context, as on real pages), the click on "Save as quote" (its
 * timestamp) to the status "Quote saved" (written after the quote is stored).
 */
async function measureQuote(b) {
  const samples = [];
  const url = 'https://blog.example.org/2025/06/what-a-year-of-retros-taught-us';
  const tab = await b.context.newPage();
  await tab.goto(url);
  const id = await tabId(b.control, url);
  for (let i = 0; i < WARMUP + RUNS; i++) {
    await tab.evaluate(
      (part) => {
        const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent === `Part ${part}`);
        const text = heading.nextElementSibling.firstChild;
        const end = text.data.indexOf('.') + 1;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, end);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      },
      (i % 14) + 1,
    );
    const popup = await b.context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(b.url(`popup.html?tab=${id}`));
    const button = popup.getByRole('button', { name: 'Save as quote' });
    try {
      await button.waitFor({ timeout: 10_000 });
    } catch {
      await popup.close();
      await tab.close();
      return { na: 'no "Save as quote" button in the popup' };
    }
    await popup.waitForTimeout(100);
    await popup.evaluate(() => {
      window.__quoteDone = new Promise((resolveDone, reject) => {
        let clickAt = null;
        document.addEventListener('click', (e) => (clickAt ??= e.timeStamp), { capture: true, once: true });
        const ok = () =>
          [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.trim().startsWith('Quote saved'));
        const observer = new MutationObserver(() => {
          if (clickAt !== null && ok()) {
            observer.disconnect();
            resolveDone(performance.now() - clickAt);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => reject(new Error('no "Quote saved" status within 15 s')), 15_000);
      });
    });
    await button.click();
    const ms = await popup.evaluate(() => window.__quoteDone);
    if (i >= WARMUP) samples.push(ms);
    await popup.close();
    await sleep(100);
  }
  await tab.close();
  return stats(samples);
}

/**
 * Learning with no link, logged from the popup: "Log learning", a type, a title, Enter (its
 * keydown timestamp) to the status "Logged" (written after the activity is stored).
 */
async function measureLog(b) {
  const samples = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const popup = await b.context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(b.url(`popup.html?tab=${b.articleTab}`));
    const open = popup.getByRole('button', { name: 'Log learning' });
    try {
      await open.waitFor({ timeout: 10_000 });
    } catch {
      await popup.close();
      return { na: 'no "Log learning" button in the popup' };
    }
    await open.click();
    await popup.getByLabel('Kind of learning').selectOption('workshop');
    const title = popup.getByLabel('What did you learn from?');
    await title.fill(`Bench workshop ${i + 1}`);
    await popup.evaluate(() => {
      window.__logDone = new Promise((resolveDone, reject) => {
        let keyAt = null;
        document.addEventListener('keydown', (e) => (keyAt ??= e.timeStamp), { capture: true, once: true });
        const ok = () =>
          [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.trim().startsWith('Logged'));
        const observer = new MutationObserver(() => {
          if (keyAt !== null && ok()) {
            observer.disconnect();
            resolveDone(performance.now() - keyAt);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => reject(new Error('no "Logged" status within 15 s')), 15_000);
      });
    });
    await title.press('Enter');
    const ms = await popup.evaluate(() => window.__logDone);
    if (i >= WARMUP) samples.push(ms);
    await popup.close();
    await sleep(100);
  }
  return stats(samples);
}

/**
 * A review answer in the library's Review section, with a card for every takeaway, quote and clip
 * (as an import writes them: all but the newest due): the queue shown from navigation, then the
 * click on the top card's "Applied it" to its answer said (stored by then: the command resolves
 * after its transaction). A new page per run, so each answers the card then on top. The cards go
 * again afterwards, so the figures after it see the library they always saw.
 */
async function measureReview(b) {
  const seeded = await b.control.evaluate(() => globalThis.bench.seedReviews());
  try {
    const answers = [];
    const shown = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const { page, ready } = await timedLoad(b.context, b.url('library.html#review'), { selector: REVIEW_ANSWER });
      if (ready === null) {
        await page.close();
        return { na: 'no review card to answer in the library' };
      }
      await page.evaluate(() => {
        window.__answered = new Promise((resolveDone, reject) => {
          let clickAt = null;
          document.addEventListener('click', (e) => (clickAt ??= e.timeStamp), { capture: true, once: true });
          const observer = new MutationObserver(() => {
            const said = document.querySelector('.review-said')?.textContent ?? '';
            if (clickAt !== null && said.includes('next time')) {
              observer.disconnect();
              resolveDone(performance.now() - clickAt);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          setTimeout(() => reject(new Error('no answer said within 15 s')), 15_000);
        });
      });
      await page.locator(REVIEW_ANSWER).first().click();
      const ms = await page.evaluate(() => window.__answered);
      if (i >= WARMUP) {
        answers.push(ms);
        shown.push(ready);
      }
      await page.close();
    }
    return { answer: stats(answers), shown: stats(shown), ...seeded };
  } finally {
    await b.control.evaluate(() => globalThis.bench.removeReviews());
  }
}
const REVIEW_ANSWER = '.review-card .review-answers button.btn-primary';

/**
 * The library's long lists, the journal (a reflection for every four resources) and the actions
 * (one for every ten): navigation to the first entry shown, and the longest task while the page
 * loads and settles (no DOM change for 500 ms), the time a click or a key had to wait.
 */
async function measureLists(b) {
  const out = {};
  for (const [list, selector] of [
    ['journal', '.journal-entry'],
    ['actions', '.action-item'],
  ]) {
    const shown = [];
    const blocked = [];
    let entries = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const { page, ready } = await timedLoad(b.context, b.url(`library.html#${list}`), { selector, longTasks: true });
      if (ready === null) {
        await page.close();
        return { na: `no ${selector} in the library's ${list} within 60 s` };
      }
      await settle(page, 500);
      const longest = await page.evaluate(() => window.__bench.longestTask);
      entries = await page.evaluate((s) => document.querySelectorAll(s).length, selector);
      await page.close();
      if (i >= WARMUP) {
        shown.push(ready);
        blocked.push(longest);
      }
    }
    out[list] = { shown: stats(shown), blocked: stats(blocked), entries };
  }
  return out;
}

/** The automatic snapshot in the control page: a full one, then one after a single changed note. */
async function measureSnapshot(b) {
  const out = {};
  for (const kind of ['full', 'change']) {
    const samples = [];
    let bytes = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const res = await b.control.evaluate((k) => globalThis.bench.snapshot(k), kind);
      if (!res.written) return { na: `the ${kind} snapshot wrote nothing` };
      if (process.env.SNAP_DEBUG) console.log(kind, Math.round(res.ms), JSON.stringify(res.t));
      if (i >= WARMUP) samples.push(res.ms);
      bytes = res.bytes;
      await sleep(100);
    }
    out[kind] = { ...stats(samples), bytes };
  }
  return out;
}

// ---------------------------------------------------------------------------------- scenarios

// ---------------------------------------------------------------------------------- sync

/** pouchdb-server from npm, in memory, on 127.0.0.1 (as the e2e harness runs it). */
async function startSyncServer() {
  const { startCouchServer } = await import('../scripts/couch-server.mjs');
  const { createUser } = await import('../scripts/team-setup.mjs');
  const server = await startCouchServer();
  await createUser(server.url, server.admin, 'bench', 'bench-pw');
  return server;
}

/** Settings → Sync and team → Connect, timed from the click to "Last synced" (the first full sync). */
async function connectTimed(b, server) {
  await b.context.route(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/`), (route) => route.continue());
  const page = await b.context.newPage();
  await page.goto(b.url('library.html#settings/sync'));
  await page.getByRole('heading', { name: 'Sync and team' }).waitFor();
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('User name').fill('bench');
  await page.getByLabel('Password').fill('bench-pw');
  const start = performance.now();
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByText(/^Last synced/).waitFor({ timeout: 600_000 });
  return { page, ms: performance.now() - start };
}

const countResources = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('learning-loop');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('resources').objectStore('resources').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );

/**
 * The first full sync of MEDIUM resources from one profile to the server, then into a second
 * profile of the same user, and the round trip of one note typed on the first while the second
 * shows its library (live replication).
 */
async function measureSync(extDir) {
  const server = await startSyncServer();
  const first = await launch(extDir);
  const second = await launch(extDir);
  try {
    await seed(first, MEDIUM);
    await sleep(2000);
    const up = await connectTimed(first, server);
    const down = await connectTimed(second, server);
    const received = await countResources(down.page);
    // The round trip: a note typed on the first profile, until the second has stored it.
    const id = await up.page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('learning-loop');
          open.onsuccess = () => {
            const c = open.result.transaction('resources').objectStore('resources').openCursor();
            c.onsuccess = () => resolve(c.result?.value.id ?? null);
          };
        }),
    );
    const editor = up.page;
    await editor.goto(first.url(`library.html#resource/${encodeURIComponent(id)}`));
    const notes = editor.getByLabel('Notes', { exact: true });
    await notes.waitFor();
    const viewer = down.page;
    await viewer.goto(second.url('library.html#resources'));
    await viewer.locator('.res-count').waitFor();
    const trips = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const word = `round-trip-${i}-${Date.now()}`;
      await notes.fill(word);
      const start = performance.now();
      // Read the second profile's record from Node every 20 ms (an evaluate per look, so what
      // is timed is the record stored there, not a promise taken for a truthy answer).
      for (;;) {
        const stored = await viewer.evaluate(
          (recordId) =>
            new Promise((resolve) => {
              const open = indexedDB.open('learning-loop');
              open.onsuccess = () => {
                const request = open.result.transaction('resources').objectStore('resources').get(recordId);
                request.onsuccess = () => {
                  open.result.close();
                  resolve(request.result?.notes ?? null);
                };
              };
            }),
          id,
        );
        if (stored === word) break;
        if (performance.now() - start > 120_000) throw new Error('the note did not arrive in 2 minutes');
        await sleep(20);
      }
      if (i >= WARMUP) trips.push(performance.now() - start);
    }
    return { upMs: up.ms, downMs: down.ms, received, trips: stats(trips) };
  } finally {
    await first.close();
    await second.close();
    await server.stop();
  }
}

async function seed(b, n) {
  if (!n) return { ms: 0 };
  const res = await b.control.evaluate((count) => globalThis.bench.seed(count), n);
  log(
    `seeded ${fmtN(n)} resources (+ ${fmtN(res.counts.reflections)} reflections, ${fmtN(res.counts.actions)} actions) in ${(res.ms / 1000).toFixed(1)} s`,
  );
  return res;
}

const ratioStats = (top, bottom) => stats(top.map((v, i) => v / bottom[i]));

/** measureLoadTrace's loads as figures: medians of each load's own gaps, never of a mix of loads. */
function recordLoadTrace({ 'bench-empty.html': empty, 'bench-script-floor.html': floor, 'popup.html': popup }) {
  const fileTrip = (l) => l.scriptArrived - l.scriptRequested;
  record('trace.empty', 'trace: empty page, its HTML requested to shown', 'ms', stats(empty.map((l) => l.ready)));
  record(
    'trace.floor.file',
    'trace: one-script page, its script file requested to arrived (the browser serves it; the page waits)',
    'ms',
    stats(floor.map(fileTrip)),
  );
  record(
    'trace.floor.vsEmpty',
    "trace: one-script page's script arrived ÷ empty page shown (no script's work can start sooner)",
    '×',
    ratioStats(
      floor.map((l) => l.scriptArrived),
      empty.map((l) => l.ready),
    ),
  );
  record(
    'trace.floor.save',
    'trace: one-script page, its script arrived to Save shown (the tab read, the lookup)',
    'ms',
    stats(floor.map((l) => l.save - l.scriptArrived)),
  );
  record('trace.popup.file', 'trace: popup, its script file requested to arrived', 'ms', stats(popup.map(fileTrip)));
  record(
    'trace.popup.start',
    'trace: popup, its script arrived to reading its tab (the module graph compiled and run)',
    'ms',
    stats(popup.map((l) => l.captureStart - l.scriptArrived)),
  );
  record(
    'trace.popup.list',
    'trace: popup, its script arrived to its list shown (its own code: compile, run, render)',
    'ms',
    stats(popup.map((l) => l.ready - l.scriptArrived)),
  );
  record(
    'trace.popup.save',
    'trace: popup, its script arrived to Save this page usable (its code, the tab read, the lookup)',
    'ms',
    stats(popup.map((l) => l.save - l.scriptArrived)),
  );
  record(
    'trace.popup.waiting',
    "trace: popup, share of its list's time before its script arrived",
    '%',
    stats(popup.map((l) => (100 * l.scriptArrived) / l.ready)),
  );
}

let exportFile = null;
let exportSource = null;

async function main() {
  const started = Date.now();
  const previous = existsSync(OUT_FILE) ? JSON.parse(readFileSync(OUT_FILE, 'utf8')) : null;
  if (!SKIP_BUILD) {
    build(BENCH_OUT, { WXT_BENCH: '1', WXT_E2E: '1' }, null);
    if (want('bundle') && STORE_BUILT) {
      build(SIZE_OUT, { WXT_BENCH: '', WXT_E2E: '' }, null);
      // Firefox's background sizes: full runs only (--quick stays a Chrome-only subset).
      build(SIZE_OUT, { WXT_BENCH: '', WXT_E2E: '' }, null, ['-b', 'firefox', '--mv3']);
    }
  }
  if (want('bundle')) {
    const res = await attempt(async () => measureBundle());
    if (res?.na) skip('bundle', 'bundle sizes', res.na);
  }
  const extDir = extensionDir(BENCH_OUT);
  // The store build is (re)built with the bundle figures; another run's copy may be older.
  if (want('bundle') && STORE_BUILT) assertStorePages(extDir, extensionDir(SIZE_OUT));
  if (want('wake')) {
    const res = await attempt(() => measureWakeCoverage(extDir));
    const target = { max: 15, on: 'value', label: '≤ 15 kB' };
    const label = 'background: what a stopped worker loads for a quote from the menu, with its reactions, gzip';
    if (res.na) skip('wake.quote', label, res.na, target);
    else {
      if (STORE_BUILT) assertStoreBackground(extDir, extensionDir(SIZE_OUT), res.files);
      record('wake.quote', label, 'kB', res.loadedKB, target, { files: res.files });
      record(
        'wake.quote.ran',
        'background: the code that wake runs (V8 block coverage), gzip per file: its floor',
        'kB',
        res.ranKB,
        null,
        { byFile: res.byFile },
      );
      record(
        'wake.quote.ran.oneFile',
        'background: the code that wake runs, as one file, gzip',
        'kB',
        res.ranOneFileKB,
      );
      record('wake.quote.vsRan', 'quote wake: what it loads ÷ the code it runs', '×', res.loadedKB / res.ranKB);
    }
  }
  if (want('trace')) {
    const res = await attempt(() => measureLoadTrace(extDir));
    if (res.na) skip('trace', "trace: where an extension page's first milliseconds go", res.na);
    else recordLoadTrace(res);
  }
  let chromiumVersionText = null;
  const seeding = {};

  // One fresh profile per size, launched and seeded when first needed. A profile put aside
  // (browser closed, profile kept) is relaunched when needed again, so an idle browser never
  // runs beside the one being measured.
  const open = new Map();
  const parked = new Map();
  const profile = async (size) => {
    if (!open.has(size)) {
      const b = await launch(extDir, parked.get(size) ?? null);
      chromiumVersionText ??= await chromiumVersion(b.context);
      open.set(size, b);
      if (!parked.has(size)) {
        seeding[size] = (await seed(b, size)).ms;
        // Let the database settle after a large write before anything is timed.
        if (size >= 10_000) await sleep(3000);
      }
      parked.delete(size);
    }
    return open.get(size);
  };
  const close = async (size, keepProfile = false) => {
    const b = open.get(size);
    if (!b) return;
    open.delete(size);
    await b.close(keepProfile);
    if (keepProfile) parked.set(size, b.userDataDir);
  };

  try {
    const M = fmtN(MEDIUM);
    const L = fmtN(LARGE);
    if (want('popup')) {
      // 0 (the empty state), 1 (the baseline of the 1.2× target), 10,000 and 100,000, side by side.
      // --quick leaves out the empty library's popup (the same code path as 1 resource's).
      const sizes = [...new Set([...(QUICK ? [] : [0]), 1, MEDIUM, LARGE])];
      const browsers = [];
      for (const size of sizes) browsers.push(await profile(size));
      log(`popup: ${WARMUP + POPUP_RUNS} rounds over ${sizes.length} profiles`);
      const res = await measurePopups(browsers);
      for (const [k, size] of sizes.entries()) {
        // "1 resource", "10,000 resources": the figure's name reads as English.
        const label = `${fmtN(size)} ${size === 1 ? 'resource' : 'resources'}`;
        const { empty, floor, floorSave, popup, dcl, firstRender, save, captureStart, capture } = res[k];
        // Phases (medians): scripts run (DOMContentLoaded), the app's first render, the list.
        const phases = {
          ...(dcl.length ? { scriptsRunMs: Math.round(stats(dcl).median) } : {}),
          ...(firstRender.length ? { firstRenderMs: Math.round(stats(firstRender).median) } : {}),
          ...(capture.length
            ? {
                captureStartMs: Math.round(stats(captureStart).median),
                captureMs: Math.round(stats(capture).median),
              }
            : {}),
        };
        record(`popup.${size}`, `popup list rendered, ${label}`, 'ms', stats(popup), null, { phases });
        record(
          `popup.${size}.vsEmpty`,
          `popup ÷ empty extension page, ${label}`,
          '×',
          ratioStats(popup, empty),
          { max: 2, on: 'median', label: '≤ 2.0×' },
          { empty: stats(empty) },
        );
        record(
          `popup.${size}.vsScriptFloor`,
          `popup ÷ one-script page (the floor of a list a script paints), ${label}`,
          '×',
          ratioStats(popup, floor),
        );
        if (save.length === popup.length && size !== 0) {
          record(`popup.${size}.save`, `popup: Save this page usable, ${label}`, 'ms', stats(save));
          record(
            `popup.${size}.save.vsEmpty`,
            `popup: Save this page usable ÷ empty page, ${label}`,
            '×',
            ratioStats(save, empty),
            { max: 1.5, on: 'median', label: '≤ 1.5×' },
          );
          record(
            `popup.${size}.save.vsScriptFloor`,
            `popup: Save this page usable ÷ one-script page's tab and database lookup, ${label}`,
            '×',
            ratioStats(save, floorSave),
          );
        }
        if (size > 1) {
          record(
            `popup.${size}.vs1`,
            `popup at ${label} ÷ popup at 1 resource`,
            '×',
            ratioStats(popup, res[sizes.indexOf(1)].popup),
            { max: 1.2, on: 'median', label: '≤ 1.2×' },
          );
        }
      }
      const allEmpty = res.flatMap((r) => r.empty);
      record('popup.emptyPage', 'empty extension page (all profiles)', 'ms', stats(allEmpty));
      // The floors themselves against the empty page: what any popup painted by a script, and any
      // Save that knows whether its page is saved, cannot beat on this machine.
      const allFloor = res.flatMap((r) => r.floor);
      const allFloorSave = res.flatMap((r) => r.floorSave);
      record('popup.scriptFloor', 'one-script page: its list marker (all profiles)', 'ms', stats(allFloor));
      record(
        'popup.scriptFloor.vsEmpty',
        'one-script page ÷ empty page: list marker',
        '×',
        ratioStats(allFloor, allEmpty),
      );
      record(
        'popup.scriptFloor.save',
        'one-script page: tab read and looked up (all profiles)',
        'ms',
        stats(allFloorSave),
      );
      record(
        'popup.scriptFloor.save.vsEmpty',
        'one-script page ÷ empty page: tab read and looked up',
        '×',
        ratioStats(allFloorSave, allEmpty),
      );
      // Any Save this page waits for its tab's address at least; with no database at all, this.
      const allFloorTab = res.flatMap((r) => r.floorTab);
      if (allFloorTab.length === allEmpty.length) {
        record(
          'popup.scriptFloor.tab',
          'one-script page: its tab read, no database (all profiles)',
          'ms',
          stats(allFloorTab),
        );
        record(
          'popup.scriptFloor.tab.vsEmpty',
          'one-script page ÷ empty page: tab read, no database (the floor of any Save)',
          '×',
          ratioStats(allFloorTab, allEmpty),
        );
      }
      await close(0);
      await close(1);
      if (LARGE !== MEDIUM) await close(LARGE, true);
    }

    for (const size of new Set([MEDIUM, LARGE])) {
      const isMedium = size === MEDIUM;
      const label = isMedium ? M : L;
      const needs =
        want('library') ||
        want('lists') ||
        want('memory') ||
        want('firstkey') ||
        want('search') ||
        want('snapshot') ||
        (isMedium &&
          (want('save') ||
            want('wake') ||
            want('clip') ||
            want('quote') ||
            want('log') ||
            want('review') ||
            want('export') ||
            want('import')));
      if (!needs) {
        await close(size);
        continue;
      }
      const b = await profile(size);
      if (isMedium && want('clip')) {
        const res = await attempt(() => measureClip(b));
        const target = { max: 50, on: 'p95', label: '≤ 50 ms p95' };
        if (res.na) skip('clip', `clip: Enter to stored and listed (${label} resources)`, res.na, target);
        else record('clip', `clip: Enter to stored and listed (${label} resources)`, 'ms', res, target);
      }
      if (isMedium && want('quote')) {
        const res = await attempt(() => measureQuote(b));
        const target = { max: 50, on: 'p95', label: '≤ 50 ms p95' };
        if (res.na) skip('quote', `quote: click to stored (${label} resources)`, res.na, target);
        else record('quote', `quote: click to stored (${label} resources)`, 'ms', res, target);
      }
      if (isMedium && want('log')) {
        const res = await attempt(() => measureLog(b));
        const target = { max: 100, on: 'p95', label: '≤ 100 ms p95' };
        if (res.na) skip('log', `log learning: Enter to stored (${label} resources)`, res.na, target);
        else record('log', `log learning: Enter to stored (${label} resources)`, 'ms', res, target);
      }
      if (isMedium && want('review')) {
        const res = await attempt(() => measureReview(b));
        const target = { max: 50, on: 'p95', label: '≤ 50 ms p95' };
        const answer = `review: click to answer stored and said (${label} resources)`;
        if (res.na) skip('review', answer, res.na, target);
        else {
          const cards = `${fmtN(res.cards)} cards, ${fmtN(res.due)} due`;
          record('review.shown', `review: the queue shown, ${cards} (${label} resources)`, 'ms', res.shown);
          record('review', answer, 'ms', res.answer, target, { cards: res.cards, due: res.due });
        }
      }
      if (isMedium && want('wake')) {
        const res = await attempt(() => measureWake(b, extDir));
        if (res?.na) skip('wake.change', "background: what a page's change wakes it to load", res.na);
        else
          record(
            'wake.change',
            "background: what a stopped worker loads for a page's save, gzip",
            'kB',
            res.kB,
            {
              max: 15,
              on: 'value',
              label: '≤ 15 kB',
            },
            { files: res.files },
          );
      }
      if (isMedium && want('save')) {
        const res = await attempt(() => measureSave(b));
        const target = { max: 100, on: 'p95', label: '≤ 100 ms p95' };
        if (res.na) skip('save', `save: click to stored and shown (${label} resources)`, res.na, target);
        else record('save', `save: click to stored and shown (${label} resources)`, 'ms', res, target);
      }
      const isLarge = size === LARGE && LARGE !== MEDIUM;
      if (want('library') || want('memory')) {
        const res = await attempt(() => measureLibrary(b, { memory: want('memory') }));
        if (res.na) {
          if (want('library')) skip(`library.${size}`, `library ready, ${label} resources`, res.na);
          if (want('memory')) skip(`memory.library.${size}`, `library JS heap, ${label} resources`, res.na);
        } else {
          if (want('library'))
            record(
              `library.${size}`,
              `library ready (first screen), ${label} resources`,
              'ms',
              res.ready,
              isLarge ? { max: 300, on: 'median', label: '≤ 300 ms' } : null,
            );
          if (want('library') && res.searchable)
            record(
              `library.${size}.searchable`,
              `library fully searchable, first visit (nothing kept yet), ${label}`,
              'ms',
              res.searchable,
            );
          if (want('library'))
            if (res.searchableKept)
              record(
                `library.${size}.searchableKept`,
                `library fully searchable, later visits (rows kept), ${label}`,
                'ms',
                res.searchableKept,
                isLarge ? { max: 1500, on: 'median', label: '≤ 1.5 s' } : null,
              );
            else
              skip(
                `library.${size}.searchableKept`,
                `library fully searchable, later visits (rows kept), ${label}`,
                `${res.keptUsed} of ${RUNS} later visits started from the kept copy`,
                isLarge ? { max: 1500, on: 'median', label: '≤ 1.5 s' } : null,
              );
          if (want('library') && res.countedKept)
            record(
              `library.${size}.countedKept`,
              `library says how many resources, later visits, ${label}`,
              'ms',
              res.countedKept,
            );
          if (res.heap) {
            record(`memory.library.${size}`, `library JS heap, ${label} resources`, 'MB', res.heap, null, {
              searchableTextMB: res.textMB,
            });
            if (res.textMB)
              record(
                `memory.library.${size}.vsText`,
                `library JS heap ÷ its searchable text (${fmt(res.textMB, 'MB')} as UTF-16), ${label}`,
                '×',
                res.heap.median / res.textMB,
                isLarge ? { max: 3, on: 'value', label: '≤ 3×' } : null,
              );
          }
        }
      }
      if (want('firstkey')) {
        const max = isLarge ? 100 : 50;
        const target = { max, on: 'p95', label: `≤ ${max} ms p95` };
        const res = await attempt(() => measureFirstKey(b));
        if (res.na) skip(`firstkey.${size}`, `library first keystroke to results, ${label}`, res.na, target);
        else
          record(`firstkey.${size}`, `library first keystroke to results, ${label}`, 'ms', res, target, {
            partialResults: res.partialResults,
          });
      }
      if (want('search')) {
        const max = isLarge ? 30 : 16;
        const target = { max, on: 'median', label: `≤ ${max} ms` };
        const res = await attempt(() => measureSearch(b));
        if (res.na) skip(`search.${size}`, `library keystroke to results, ${label}`, res.na, target);
        else
          record(`search.${size}`, `library keystroke to results, ${label}`, 'ms', res, target, { method: res.method });
      }
      // After the search figures, so they are taken in the state they always were.
      if (want('lists') && !QUICK) {
        const res = await attempt(() => measureLists(b));
        const { reflections, actions } = await b.control.evaluate(() => globalThis.bench.counts());
        const names = { journal: `journal (${fmtN(reflections)} answers)`, actions: `actions (${fmtN(actions)})` };
        for (const list of ['journal', 'actions']) {
          const figure = `library ${names[list]}: first entries shown, ${label} resources`;
          if (res.na) skip(`lists.${list}.${size}`, figure, res.na);
          else {
            record(`lists.${list}.${size}`, figure, 'ms', res[list].shown, null, { drawn: res[list].entries });
            record(
              `lists.${list}.${size}.blocked`,
              `library ${names[list]}: longest task while it loads, ${label} resources`,
              'ms',
              res[list].blocked,
            );
          }
        }
      }
      if (want('snapshot')) {
        const res = await attempt(() => measureSnapshot(b));
        if (res.na) skip(`snapshot.${size}`, `automatic snapshot, ${label} resources`, res.na);
        else {
          record(`snapshot.full.${size}`, `automatic snapshot from nothing, ${label} resources`, 'ms', res.full, null, {
            snapshotMB: Math.round(res.full.bytes / 1e5) / 10,
          });
          record(`snapshot.change.${size}`, `automatic snapshot after one changed note, ${label}`, 'ms', res.change);
        }
      }
      if (isMedium && (want('export') || want('import'))) {
        const res = await attempt(() => measureExport(b));
        const target = { max: 400, on: 'median', label: '≤ 0.4 s' };
        if (res.na) {
          if (want('export')) skip('export', `export ${label} resources`, res.na, target);
        } else {
          exportFile = res.file;
          exportSource = 'the Export button’s download';
          if (want('export'))
            record('export', `export ${label} resources`, 'ms', { ...res, file: undefined }, target, {
              status: res.status,
              fileKB: Math.round(res.file.length / 1000),
            });
          // The floor: every store read with getAll in one transaction, in the same browser.
          const floor = await attempt(() => measureRawReads(b));
          if (!floor.na && want('export')) {
            record('export.floor', `floor: every store read in one transaction, ${label}`, 'ms', floor.all);
            record('export.vsFloor', `export ÷ that floor`, '×', res.median / floor.all.median);
            record('library.floor', `floor: every resource read (getAll), ${label}`, 'ms', floor.resources);
          }
        }
        // The data layer alone: when there is no Export button yet, or asked for (--lib).
        if (res.na || LIB) {
          const lib = await attempt(() => measureLibExport(b));
          if (want('export')) {
            if (lib.na) skip('export.lib', `export ${label}, lib/backup only (no UI)`, lib.na, target);
            else
              record(
                'export.lib',
                `export ${label}, lib/backup only (no UI)`,
                'ms',
                { ...lib, text: undefined },
                target,
              );
          }
          if (!exportFile && lib.text) {
            exportFile = Buffer.from(lib.text);
            exportSource = 'lib/backup’s export (no Export button yet)';
          }
        }
      }
      await close(size);
    }

    if (ONLY?.has('sync')) {
      // Sync needs the server from npm; only when asked (--only=…,sync): it is not a floor figure.
      const res = await attempt(() => measureSync(extDir));
      const label = fmtN(MEDIUM);
      if (res.na) skip('sync', `sync, ${label} resources`, res.na);
      else {
        record(
          'sync.firstUp',
          `first full sync of ${label} resources to the server (Connect to "Last synced")`,
          'ms',
          res.upMs,
        );
        record(
          'sync.firstDown',
          `first sync of a second profile: ${fmtN(res.received)} resources from the server`,
          'ms',
          res.downMs,
        );
        record('sync.roundTrip', 'one note typed on one profile, stored on the other (library open)', 'ms', res.trips);
      }
    }

    if (want('import')) {
      const b = await launch(extDir);
      chromiumVersionText ??= await chromiumVersion(b.context);
      open.set('import', b);
      const target = null;
      // --quick imports a smaller generated file: ten imports of 10,000 take minutes here.
      const importN = QUICK ? QUICK_IMPORT : MEDIUM;
      const N = fmtN(importN);
      let file = QUICK ? null : exportFile;
      let source = exportSource;
      if (!file) {
        file = Buffer.from(await b.control.evaluate((n) => globalThis.bench.exportFile(n), importN));
        source = 'a file generated by bench/generate.ts (format version 1)';
      }
      // The floor: the records the import stores (the file's, and a review card for each item
      // the file has none for) put into their stores in one transaction, same browser, after
      // each import.
      const res = await attempt(() => measureImport(b, file, importN, { withFloor: true }));
      if (res.na) skip('import', `import ${N} resources`, res.na, target);
      else {
        const { floor, vsFloor, ...importTimes } = res;
        record('import', `import ${N} resources`, 'ms', importTimes, target, {
          source,
          status: res.status,
          fileKB: Math.round(file.length / 1000),
        });
        log(
          `import floor puts ${fmtN(floor.records)} records; the last import left ${fmtN(Object.values(floor.stored).reduce((a, n) => a + n, 0))}`,
        );
        record('import.floor', `floor: the same records put in one transaction, after each import`, 'ms', floor, null, {
          records: floor.records,
        });
        record('import.vsFloor', `import ÷ that floor, run by run`, '×', vsFloor, {
          max: 1.3,
          on: 'median',
          label: '≤ 1.3×',
        });
      }
      // The data layer alone: when there is no Import input yet, or asked for (--lib) to see
      // how much of the time is the UI's.
      if (res.na || LIB) {
        const lib = await attempt(() => measureLibImport(b, file, importN));
        if (lib.na) skip('import.lib', `import ${N}, lib/backup only (no UI)`, lib.na, target);
        else
          record('import.lib', `import ${N}, lib/backup only (no UI)`, 'ms', lib, target, {
            source,
            fileKB: Math.round(file.length / 1000),
            phases: lib.phases,
          });
      }
      await close('import');
    }
  } finally {
    for (const key of [...open.keys()]) await close(key);
    for (const dir of parked.values()) rmSync(dir, { recursive: true, force: true });
  }

  // ------------------------------------------------------------------------------ output
  const cpus = os.cpus();
  const result = {
    schema: 1,
    date: new Date().toISOString(),
    durationSec: Math.round((Date.now() - started) / 1000),
    machine: {
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryGB: Math.round(os.totalmem() / 1e9),
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
      node: process.version,
    },
    chromium: chromiumVersionText ?? chromiumVersionFromBinary(),
    options: {
      runs: RUNS,
      warmup: WARMUP,
      medium: MEDIUM,
      large: LARGE,
      only: ONLY ? [...ONLY] : null,
      headless: 'new',
    },
    seedingMs: seeding,
    figures,
    notes,
  };
  writeFileSync(OUT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  printTable(previous);
  console.log(
    `\n${result.machine.cpu} × ${result.machine.cores}, ${result.chromium}, load ${result.machine.loadAverage.join(' ')}; ${RUNS} runs after ${WARMUP} warm-up; ${result.durationSec} s.`,
  );
  console.log(`Wrote ${OUT_FILE.replace(`${ROOT}/`, '')}`);
}

function chromiumVersionFromBinary() {
  try {
    return execFileSync(chromePath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function attempt(fn) {
  try {
    return await fn();
  } catch (error) {
    if (process.env.BENCH_DEBUG) console.error(error);
    const message = String(error?.message ?? error).split('\n')[0];
    return { na: `error: ${message}` };
  }
}

function printTable(previous) {
  const prev = previous?.figures ?? {};
  const head = ['Figure', 'Median', 'p95', 'Target', 'Result', ...(previous ? ['Previous median'] : [])];
  const body = rows.map((r) => {
    const unit = figures[r.id]?.unit;
    const before = prev[r.id];
    const beforeText = before ? (before.na ? 'n/a' : fmt(before.median ?? before.value, before.unit)) : '';
    if (r.na) return [r.figure, `n/a: ${r.na}`, '', r.target, '', ...(previous ? [beforeText] : [])];
    return [
      r.figure,
      fmt(r.median, unit),
      r.p95 !== undefined ? fmt(r.p95, unit) : '',
      r.target,
      r.pass === null ? '' : r.pass ? 'pass' : 'MISS',
      ...(previous ? [beforeText] : []),
    ];
  });
  const table = [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  console.log(`\n${table}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
