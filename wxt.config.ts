import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { splitBackgroundBuild, splitFirefoxBackground } from './scripts/background-chunks';
import { inlineStyles } from './scripts/inline-styles';
import { mergedLocaleFiles } from './scripts/locales';
import { E2E_HOST_PERMISSIONS } from './tests/e2e/origins';
import { OPTIONAL_DATA_COLLECTION } from './lib/infra/data-collection';

// The e2e copy (npm run build:e2e) may reach the test origins without a user gesture, since
// automation cannot grant activeTab or answer a permission prompt. The store build never does.
const e2e = process.env.WXT_E2E === '1';
const WEBHOOK_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];
// Parallel builds (e2e copy, benchmark, a second checkout) each get their own folder.
const bench = process.env.WXT_BENCH === '1';
const BENCH_PAGES_DIR = resolve(import.meta.dirname, 'bench/pages');
const BENCH_PAGES = ['bench-empty.html', 'bench-seed.html', 'bench-script-floor.html', 'bench-script-floor.js'];
const outDir = process.env.WXT_OUT_DIR ?? (e2e ? '.output-e2e' : '.output');
// Set when WXT is ready: the background is built differently for each browser.
let targetBrowser = 'chrome';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir,
  // The sources zip AMO's reviewers rebuild from (npm run zip): what a Firefox build reads and
  // no more. scripts/check-sources.mjs rebuilds it in an empty folder and compares every file.
  zip: {
    excludeSources: [
      'bench/**',
      'docs/**',
      'team/**',
      'tests/**',
      'scripts/**',
      'entrypoints/bench-*',
      'vitest.*.ts',
      'biome.json',
    ],
    includeSources: [
      'docs/STORE.md',
      'tests/e2e/origins.ts',
      'scripts/background-chunks.ts',
      'scripts/inline-styles.ts',
      'scripts/locales.ts',
    ],
  },
  vite: () => ({
    // The popup's and the library's sheets go inside their pages: one request fewer before the
    // first render (scripts/inline-styles.ts).
    plugins: [preact(), inlineStyles(['popup', 'library'])],
    // The import's worker (lib/app/import.worker.ts) loads its parts as modules, as the pages do.
    worker: { format: 'es' as const },
    // Every browser this supports (Chrome 120+, Firefox 140+) preloads modules itself: the
    // polyfill would be 0.6 kB gzip on every page's first load for nothing.
    build: {
      target: 'es2022',
      sourcemap: process.env.WXT_SOURCEMAP === '1',
      // Terser packs 2–7% smaller than esbuild's minifier, gzip (popup 20.0 → 19.7 kB, library
      // 29.9 → 29.3, background 78.5 → 73.4); a build takes a few seconds longer.
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
      modulePreload: {
        polyfill: false,
        resolveDependencies: (_file: string, deps: string[], { hostType }: { hostType: 'html' | 'js' }) =>
          hostType === 'html' ? deps : [],
      },
    },
  }),
  hooks: {
    ready: (wxt) => {
      targetBrowser = wxt.config.browser;
    },
    // Each wake of the background loads what its event needs (scripts/background-chunks.ts):
    // Chrome's service worker as chunks it imported at install, Firefox's event page as ES modules.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.type === 'background')) return;
      if (targetBrowser === 'firefox') splitFirefoxBackground(config);
      else splitBackgroundBuild(config);
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      if (targetBrowser === 'firefox' && manifest.background && 'scripts' in manifest.background)
        Object.assign(manifest.background, { type: 'module' });
    },
    'build:publicAssets': (_wxt, files) => {
      files.push(...mergedLocaleFiles());
      if (bench)
        files.push(...BENCH_PAGES.map((name) => ({ relativeDest: name, absoluteSrc: resolve(BENCH_PAGES_DIR, name) })));
    },
    // The popup is built on its own, not beside the library: a page's first load costs a request
    // per file, and the extension's files are served one after another, so the popup's modules
    // are one file (its lazily loaded cards aside) instead of five shared with the library.
    // The side panel is built on its own for the same reason, and so the library's first render
    // stays one file rather than sharing chunks with the panel.
    'entrypoints:grouped': (_wxt, groups) => {
      for (const name of ['popup', 'sidepanel']) {
        for (const group of groups) {
          if (!Array.isArray(group) || group.length < 2) continue;
          const index = group.findIndex((entry) => entry.name === name);
          if (index >= 0) {
            groups.push(group.splice(index, 1));
            break;
          }
        }
      }
    },
    // Benchmark-only files (bench/pages: an empty page, a seeding page; entrypoints/bench-*: the
    // seeding page's script) exist only in the copy `npm run bench` builds (WXT_BENCH=1), never in
    // the store or e2e builds. The pages are copied, not built: a page built beside the popup and
    // the library shares modules with them and changes their chunks, and the benchmark must time
    // the files users get.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      if (bench) return;
      for (let i = entrypoints.length - 1; i >= 0; i--)
        if (entrypoints[i]!.name.startsWith('bench-')) entrypoints.splice(i, 1);
    },
  },
  // Both browsers get Manifest V3 (Firefox: npm run build:firefox adds --mv3), so one API shape
  // (action, scripting, optional_host_permissions) serves both.
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Learning Loop',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The oldest Chrome with every API the pages call unguarded (AbortSignal.any, 116); the side
    // panel's sidePanel.open is 116 too. tests/unit/store/min-versions.test.ts checks it against MDN.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'contextMenus', 'activeTab', 'scripting'],
    ...(e2e ? { host_permissions: E2E_HOST_PERMISSIONS } : {}),
    // A webhook origin is asked for at run time, for that one origin.
    optional_host_permissions: WEBHOOK_ORIGINS,
    icons: {
      16: '/icons/16.png',
      32: '/icons/32.png',
      48: '/icons/48.png',
      96: '/icons/96.png',
      128: '/icons/128.png',
    },
    options_ui: { page: 'library.html#settings', open_in_tab: true },
    commands: {
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSavePage__',
      },
      'clip-moment': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_commandClipMoment__',
      },
      _execute_action: { suggested_key: { default: 'Alt+Shift+L' } },
      // Chrome takes four suggested shortcuts: the panel has the last. Firefox opens its sidebar
      // itself; Chrome's command is answered by the background (lib/background/index.ts).
      ...(browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+P' } } }
        : {
            'open-panel': {
              suggested_key: { default: 'Alt+Shift+P' },
              description: '__MSG_commandOpenPanel__',
            },
          }),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'learning-loop@learning-loop.app',
              // data_collection_permissions needs Firefox 140 (142 on Android).
              strict_min_version: '140.0',
              // Nothing leaves the browser until sync or a webhook is turned on; each asks for
              // its kinds then (lib/infra/data-collection.ts, docs/STORE.md).
              data_collection_permissions: { required: ['none'], optional: OPTIONAL_DATA_COLLECTION },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
