// web-ext lint on the Firefox build: no errors, and every warning either fixed or traced to a
// named library by a signature found next to it in the built file. The project's own code
// never writes HTML, so an untraced warning fails the lint.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const sourceDir = process.argv[2] ?? '.output/firefox-mv3';

/** Library code that assigns innerHTML, recognised by identifiers near the assignment. */
const KNOWN = [
  {
    library: 'Preact (dangerouslySetInnerHTML support in its DOM diff)',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    signature: /dangerouslySetInnerHTML|__html/,
  },
  {
    library: '@mozilla/readability (runs on a detached clone of the page)',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    signature: /_getInnerText|_isSingleImage|_attempts|_flagIsActive|_charThreshold/,
  },
  {
    // Sync only: PouchDB evaluates map and filter functions given as strings. Learning Loop
    // never passes one (Manifest V3's content security policy would refuse it anyway).
    library: 'PouchDB (scopeEval for map/filter functions given as strings; never called)',
    code: 'DANGEROUS_EVAL',
    signature: /Function\.apply\(null,\w+\)\.apply\(null,\w+\)/,
  },
];

let raw;
try {
  raw = execFileSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--self-hosted', '--output', 'json'], {
    encoding: 'utf8',
  });
} catch (error) {
  // web-ext exits non-zero when it finds errors; its JSON report is still on stdout.
  raw = error.stdout;
}
const report = JSON.parse(raw);
const lines = [];
let untraced = 0;
for (const warning of report.warnings) {
  let library;
  if (warning.file && warning.line) {
    const text = readFileSync(join(sourceDir, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
    const near = text.slice(Math.max(0, (warning.column ?? 0) - 300), (warning.column ?? 0) + 300);
    library = KNOWN.find((k) => k.code === warning.code && k.signature.test(near))?.library;
  }
  if (!library) untraced++;
  lines.push(
    `  ${library ? 'traced' : 'UNTRACED'}  ${warning.code} ${warning.file ?? ''}:${warning.line ?? ''}  ${library ?? warning.message}`,
  );
}
for (const error of report.errors) lines.push(`  ERROR  ${error.code} ${error.file ?? ''}  ${error.message}`);
console.log(
  `web-ext lint ${sourceDir}: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.summary.warnings - untraced} traced to libraries), ${report.summary.notices} notices`,
);
if (lines.length) console.log(lines.join('\n'));
if (report.summary.errors > 0 || untraced > 0) process.exit(1);
