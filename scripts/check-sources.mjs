#!/usr/bin/env node
// Rebuilds the Firefox extension from the sources zip as an AMO reviewer would (an empty folder,
// `npm ci`, `npx wxt build -b firefox --mv3`) and finds every file byte-identical to the Firefox
// zip's. Run after `npm run zip`: node scripts/check-sources.mjs [folder with the zips, .output]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { unzipSync } from 'fflate';

const zipDir = resolve(process.argv[2] ?? '.output');
const zips = readdirSync(zipDir).filter((name) => name.endsWith('.zip'));
const pick = (suffix) => {
  const found = zips.filter((name) => name.endsWith(suffix));
  if (found.length !== 1)
    throw new Error(`expected one *${suffix} in ${zipDir}, found ${found.length}: run npm run zip`);
  return join(zipDir, found[0]);
};
const firefoxZip = pick('-firefox.zip');
const sourcesZip = pick('-sources.zip');

/** The files of a zip, by path; folders left out. */
function entries(path) {
  return new Map(Object.entries(unzipSync(readFileSync(path))).filter(([name]) => !name.endsWith('/')));
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(dir, path).split('\\').join('/'));
}

const work = mkdtempSync(join(tmpdir(), 'learning-loop-sources-'));
const started = Date.now();
try {
  for (const [name, bytes] of entries(sourcesZip)) {
    const path = join(work, name);
    if (relative(work, path).startsWith('..')) throw new Error(`a path outside the folder: ${name}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  // The reviewer's environment, not this one: no e2e, bench or output-folder switches.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('WXT_')));
  // Their long listings are shown only when a step fails.
  const run = (command, args) => {
    try {
      execFileSync(command, args, { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
    } catch (error) {
      process.stdout.write(error.stdout ?? '');
      process.stderr.write(error.stderr ?? '');
      throw error;
    }
  };
  run('npm', ['ci', '--no-audit', '--no-fund']);
  run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);

  const expected = entries(firefoxZip);
  const builtDir = join(work, '.output', 'firefox-mv3');
  const built = new Set(filesUnder(builtDir));
  const problems = [];
  for (const [name, bytes] of expected) {
    if (!built.has(name)) problems.push(`missing from the rebuild: ${name}`);
    else if (!Buffer.from(bytes).equals(readFileSync(join(builtDir, name)))) problems.push(`differs: ${name}`);
  }
  for (const name of built) if (!expected.has(name)) problems.push(`only in the rebuild: ${name}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (problems.length) {
    console.error(`The sources zip does not rebuild the Firefox zip (${problems.length} problems, ${seconds} s):`);
    for (const problem of problems.slice(0, 50)) console.error(`  ${problem}`);
    console.error(`The rebuild is kept in ${work}`);
    process.exitCode = 1;
  } else {
    console.log(
      `The sources zip rebuilds all ${expected.size} files of ${relative(process.cwd(), firefoxZip)} byte for byte (${seconds} s).`,
    );
  }
} finally {
  if (!process.exitCode) rmSync(work, { recursive: true, force: true });
}
