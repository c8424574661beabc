/** The two builds (the timed copy, the store build) and the checks that the timed copy ships the same files. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './options.mjs';
import { log } from './report.mjs';

// ---------------------------------------------------------------------------------- build

export function build(outDir, env, mode, browserArgs = []) {
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
export function extensionDir(outDir) {
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
export function assertStorePages(timedDir, storeDir) {
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
export function assertStoreBackground(timedDir, storeDir, files) {
  if (!existsSync(join(storeDir, 'manifest.json'))) return;
  const differ = files.filter(
    (file) => !readFileSync(join(timedDir, file)).equals(readFileSync(join(storeDir, file), { flag: 'r' })),
  );
  if (differ.length) throw new Error(`The timed background's ${differ.join(', ')} differ from the store build's`);
}
