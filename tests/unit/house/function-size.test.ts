import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Views render; controllers decide. A function in a view (components/, entrypoints/) longer than
 * this is doing more than one thing: its orchestration belongs in lib/app, its parts in smaller
 * components, hooks or helpers beside it. A component counts as its function, JSX and all.
 */
const MAX_LINES = 150;
const root = resolve(import.meta.dirname, '../../..');

// None exempt today. entrypoints/bench-seed-data.ts (the benchmark's seeding data) would be the
// one candidate, its data being tables rather than logic; it passes as it is.
const EXEMPT: string[] = [];

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** What a function is called: its own name, else the name it is given (a variable, a property, a call's argument). */
function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(source);
  if (ts.isCallExpression(parent)) return `${parent.expression.getText(source)}(…)`;
  if (ts.isJsxExpression(parent)) return `<jsx callback>`;
  return '<anonymous>';
}

/** Every function in `code` longer than `max` lines: `file:line name (N lines)`. */
function longFunctions(file: string, code: string, max = MAX_LINES): string[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const first = source.getLineAndCharacterOfPosition(fn.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(fn.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) found.push(`${file}:${first + 1} ${nameOf(fn, source)} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe(`no function in a view is over ${MAX_LINES} lines`, () => {
  const views = [...files('components'), ...files('entrypoints')].filter((file) => !EXEMPT.includes(file));

  it('reads every view', () => {
    expect(views.length).toBeGreaterThan(80);
    expect(views).toContain('components/popup/CaptureCard.tsx');
    expect(views).toContain('entrypoints/popup/main.tsx');
  });

  it('finds none', () => {
    const long = views.flatMap((file) => longFunctions(file, readFileSync(join(root, file), 'utf8')));
    expect(long).toEqual([]);
  });

  it('sees a planted one: a 151-line function fails, a 150-line one passes', () => {
    const planted = (name: string, lines: number) =>
      // The opening and closing lines count: `lines - 2` statements between them.
      `export function ${name}() {\n${'  console.log(1);\n'.repeat(lines - 2)}}\n`;
    const code = `const a = 1;\n${planted('TooLong', 151)}${planted('JustRight', 150)}`;
    expect(longFunctions('components/Planted.tsx', code)).toEqual(['components/Planted.tsx:2 TooLong (151 lines)']);
    // Arrow functions, methods and components written as arrows count the same way.
    const arrow = `export const Card = () => {\n${'  void 0;\n'.repeat(148)}  return <p />;\n};\n`;
    const method = `class A {\n  run() {\n${'    void 0;\n'.repeat(149)}  }\n}\n`;
    expect(longFunctions('x.tsx', arrow)).toEqual(['x.tsx:1 Card (151 lines)']);
    expect(longFunctions('x.ts', method)).toEqual(['x.ts:2 run (151 lines)']);
  });
});
