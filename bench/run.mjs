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
 *   --only=bundle,wake,popup,save,clip,panelclip,quote,log,review,library,lists,firstkey,search,memory,export,import,highlights,snapshot,importtasks,sync,team   a subset
 *                     (sync and team run only when named: they start pouchdb-server from npm)
 *   --quick           a subset for day-to-day work, under 2 minutes: 10,000 resources only, 5 runs,
 *                     no 100,000 profile, no snapshot
 *   --lib             also time import and export through lib/backup alone (no UI)
 *   --skip-build      reuse .output-bench and .output-bench-size
 *   --out=bench/results.json
 *   BENCH_DEBUG=1     print the full error behind an "n/a: error: …" row
 * See bench/README.md for what every figure means.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import {
  BENCH_OUT,
  fmtN,
  LARGE,
  LIB,
  MEDIUM,
  ONLY,
  OUT_FILE,
  POPUP_RUNS,
  QUICK,
  QUICK_IMPORT,
  ROOT,
  RUNS,
  SIZE_OUT,
  SKIP_BUILD,
  STORE_BUILT,
  WARMUP,
  want,
} from './lib/options.mjs';
import { attempt, figures, fmt, log, notes, printTable, ratioStats, record, skip, stats } from './lib/report.mjs';
import { assertStoreBackground, assertStorePages, build, extensionDir } from './lib/build.mjs';
import { measureBundle } from './lib/bundle.mjs';
import { chromiumVersion, chromiumVersionFromBinary, launch, sleep } from './lib/browser.mjs';
import { measureClip, measureLog, measurePopups, measureQuote, measureSave } from './lib/popup.mjs';
import { measurePanelClip } from './lib/panel.mjs';
import { measureWake, measureWakeCoverage } from './lib/wake.mjs';
import { measureLoadTrace, recordLoadTrace } from './lib/trace.mjs';
import { measureFirstKey, measureLibrary, measureLists, measureReview, measureSearch } from './lib/library.mjs';
import {
  measureExport,
  measureImport,
  measureLibExport,
  measureLibImport,
  measureRawReads,
  measureSnapshot,
  seed,
} from './lib/data.mjs';
import { measureSync } from './lib/sync.mjs';
import { measureImportTasks } from './lib/import-tasks.mjs';
import { measureTeam } from './lib/team.mjs';
import { readwiseCsv } from './lib/highlights.mjs';

// ---------------------------------------------------------------------------------- scenarios

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
            want('panelclip') ||
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
      if (isMedium && want('panelclip')) {
        const res = await attempt(() => measurePanelClip(b));
        const target = { max: 50, on: 'p95', label: '≤ 50 ms p95' };
        const name = `side panel: first keystroke to clip stored and listed (${label} resources)`;
        if (res.na) skip('panelclip', name, res.na, target);
        else record('panelclip', name, 'ms', res, target);
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

    if (ONLY?.has('team')) {
      // The team space needs the server from npm too; only when asked (--only=…,team).
      const res = await attempt(() => measureTeam(extDir));
      const label = 'Team page, a teammate’s 12 items at the team caps';
      if (res.na) skip('team', label, res.na);
      else {
        const extra = { items: res.items, publishedKB: res.kB, drawn: res.drawn, domNodes: res.nodes };
        record(
          'team.firstItem',
          `${label}: first item shown`,
          'ms',
          res.shown,
          { max: 1000, on: 'p95', label: '≤ 1 s' },
          extra,
        );
        record('team.longestTask', `${label}: longest task while it loads`, 'ms', res.blocked, {
          max: 200,
          on: 'p95',
          label: '≤ 200 ms',
        });
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
    if (want('highlights')) {
      // Readwise's CSV of 10,000 highlights over 200 books, into an empty library: books with their
      // quotes and a review card a quote, against the same records put raw, run by run.
      const b = await launch(extDir);
      chromiumVersionText ??= await chromiumVersion(b.context);
      open.set('highlights', b);
      const books = 200;
      const file = Buffer.from(readwiseCsv(books, 50));
      const res = await attempt(() =>
        measureImport(b, file, books, {
          withFloor: true,
          name: 'readwise-export.csv',
          mimeType: 'text/csv',
          button: /^import these highlights/i,
          floorOf: 'rawHighlightPuts',
        }),
      );
      const label = 'import 10,000 highlights over 200 books (Readwise CSV)';
      if (res.na) skip('highlights', label, res.na, null);
      else {
        const { floor, vsFloor, ...times } = res;
        record('highlights', label, 'ms', times, null, { status: res.status, fileKB: Math.round(file.length / 1000) });
        record(
          'highlights.floor',
          'floor: its books and review cards put in one transaction, after each import',
          'ms',
          floor,
          null,
          {
            records: floor.records,
          },
        );
        record('highlights.vsFloor', 'import of highlights ÷ that floor, run by run', '×', vsFloor, {
          max: 1.3,
          on: 'median',
          label: '≤ 1.3×',
        });
      }
      await close('highlights');
    }
    if (want('importtasks')) {
      // Each import of the largest files takes about a minute here: twice a file when named, once
      // in a whole run.
      const b = await launch(extDir);
      chromiumVersionText ??= await chromiumVersion(b.context);
      open.set('importtasks', b);
      const runs = ONLY?.has('importtasks') ? 2 : 1;
      const res = await attempt(() => measureImportTasks(b, runs));
      if (res.na) skip('importtasks', 'longest task while importing', res.na);
      else
        for (const file of res)
          if (file.na) skip(`importtasks.${file.key}`, `longest task while importing ${file.label}`, file.na);
          else
            record(
              `importtasks.${file.key}`,
              `longest task while importing ${file.label} (${file.fileMB.toFixed(1)} MB)`,
              'ms',
              stats(file.samples),
              { max: 200, on: 'p95', label: '≤ 200 ms' },
              { fileMB: file.fileMB, stored: file.stored, answer: file.answer, tasksOver200: file.over200 },
            );
      await close('importtasks');
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
