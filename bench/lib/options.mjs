/** The command line (see bench/run.mjs for every option) and what the run derives from it. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return fallback;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : true;
};
export const QUICK = Boolean(arg('quick', false));
export const RUNS = Math.max(5, Number(arg('runs', QUICK ? 5 : 7)));
export const WARMUP = Math.max(1, Number(arg('warmup', 1)));
// The popup's figures are ratios of two page loads of 50–150 ms each, and one load can take twice
// another on this machine: more rounds than the rest, so the median is not one lucky run.
export const POPUP_RUNS = QUICK ? RUNS : Math.max(RUNS, 15);
export const MEDIUM = Number(arg('medium', 10_000));
export const LARGE = Number(arg('large', QUICK ? MEDIUM : 100_000));
const QUICK_SET = 'bundle,wake,popup,library,firstkey,search,export,import';
export const QUICK_IMPORT = 2000;
export const ONLY = arg('only', '')
  ? new Set(String(arg('only')).split(','))
  : QUICK
    ? new Set(QUICK_SET.split(','))
    : null;
export const SKIP_BUILD = Boolean(arg('skip-build', false));
export const LIB = Boolean(arg('lib', false));
export const OUT_FILE = resolve(ROOT, String(arg('out', 'bench/results.json')));
export const BENCH_OUT = '.output-bench';
export const SIZE_OUT = '.output-bench-size';
/**
 * Where the sizes are read. A full run builds the store build for them and checks that the timed
 * copy loads the very same files (assertStorePages, assertStoreBackground); --quick, to stay
 * under 2 minutes, skips that second build and reads the timed copy, whose shipped files full
 * runs show are the store build's byte for byte (only its manifest adds the test origins).
 */
export const STORE_BUILT = !QUICK;
export const SIZES_FROM = STORE_BUILT ? SIZE_OUT : BENCH_OUT;
export const want = (what) => !ONLY || ONLY.has(what);
export const fmtN = (n) => n.toLocaleString('en-GB');
