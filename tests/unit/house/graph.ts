import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The import graph of the project's code and the rules the house keeps on it, as functions of a
 * graph so each rule can also be run on a small fixture graph with one planted violation
 * (tests/unit/house/rules.test.ts): a rule that cannot fail would say nothing.
 */

export const root = resolve(import.meta.dirname, '../../..');

/** One import of a module: whether it survives compilation (not `import type`) and whether it is `import()`. */
export interface ImportEdge {
  module: string;
  runtime: boolean;
  dynamic: boolean;
}

/** File (path from the root, with extension) → the project's modules it imports (paths without extension). */
export type Graph = Map<string, ImportEdge[]>;

export function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A module specifier of the project (`./x`, `../x`, `@/x`) as a path from the root without extension. */
export function projectModule(file: string, name: string): string | undefined {
  if (!name.startsWith('.') && !name.startsWith('@/')) return undefined;
  const absolute = name.startsWith('@/') ? join(root, name.slice(2)) : resolve(root, dirname(file), name);
  return relative(root, absolute).replace(/\.(ts|tsx)$/, '');
}

const onlyTypes = (clause: ts.ImportClause | undefined): boolean => {
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.every((element) => element.isTypeOnly);
};

/** Every module `code` (the file `file`) imports: static, re-exported, `import()` and `import type`. */
export function importsOfSource(file: string, code: string): ImportEdge[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const edges: ImportEdge[] = [];
  const add = (name: string, runtime: boolean, dynamic: boolean) => {
    const module = projectModule(file, name);
    if (module !== undefined) edges.push({ module, runtime, dynamic });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, !onlyTypes(node.importClause), false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, !node.isTypeOnly, false);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, true, true);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal))
        add(argument.literal.text, false, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

export function projectGraph(dirs: readonly string[] = ['lib', 'components', 'entrypoints']): Graph {
  const files = dirs.flatMap(sourceFiles);
  return new Map(files.map((file) => [file, importsOfSource(file, readFileSync(join(root, file), 'utf8'))]));
}

/** The file a module path names in `graph` (`.ts` or `.tsx`), if it is one of the graph's. */
export function fileOf(graph: Graph, module: string): string | undefined {
  return [`${module}.ts`, `${module}.tsx`].find((file) => graph.has(file));
}

// ---- The rank order ----

export interface Rank {
  rank: number;
  layer: string;
  /** Folders end with `/`; files are named whole (`lib/settings.ts`). */
  places: string[];
}

/**
 * The rank table of docs/ARCHITECTURE.md, between the `ranks:` markers: a row per rank,
 * `| rank | layer | places |`, each place in backticks.
 */
export function parseRanks(markdown: string): Rank[] {
  const start = markdown.indexOf('<!-- ranks:start');
  const end = markdown.indexOf('<!-- ranks:end');
  if (start < 0 || end < start) throw new Error('docs/ARCHITECTURE.md has no rank table between the ranks markers');
  return markdown
    .slice(start, end)
    .split('\n')
    .map((line) => /^\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|\s*(.+?)\s*\|\s*$/.exec(line))
    .flatMap((match) =>
      match
        ? [
            {
              rank: Number(match[1]),
              layer: match[2]!,
              places: [...match[3]!.matchAll(/`([^`]+)`/g)].map((place) => place[1]!),
            },
          ]
        : [],
    );
}

/** The rank of a file or module (a file's own name wins over its folder; the longest folder wins). */
export function rankOf(ranks: readonly Rank[], path: string): number | undefined {
  let best: { rank: number; length: number } | undefined;
  for (const { rank, places } of ranks) {
    for (const place of places) {
      const matches = place.endsWith('/') ? path.startsWith(place) : path === place || `${path}.ts` === place;
      const length = place.endsWith('/') ? place.length : Number.POSITIVE_INFINITY;
      if (matches && (!best || length > best.length)) best = { rank, length };
    }
  }
  return best?.rank;
}

/** Files the table assigns no rank. */
export function unranked(graph: Graph, ranks: readonly Rank[]): string[] {
  return [...graph.keys()].filter((file) => rankOf(ranks, file) === undefined);
}

/** Imports that run back up: a file importing a module of a higher rank. */
export function upwardImports(graph: Graph, ranks: readonly Rank[]): string[] {
  return [...graph].flatMap(([file, edges]) => {
    const from = rankOf(ranks, file);
    return edges.flatMap(({ module }) => {
      const to = rankOf(ranks, fileOf(graph, module) ?? module);
      return from !== undefined && to !== undefined && to > from ? [`${file} (${from}) → ${module} (${to})`] : [];
    });
  });
}

// ---- Cycles ----

/**
 * Cycles among the files under `under`, counting static imports and `import()` alike (a cycle
 * closed through `import()` is still a circle a reader must follow); `import type` is erased and
 * does not count. Each cycle is reported once, as the files around it.
 */
export function cycles(graph: Graph, under = 'lib/'): string[][] {
  const files = [...graph.keys()].filter((file) => file.startsWith(under)).sort();
  const next = (file: string) =>
    [
      ...new Set(
        (graph.get(file) ?? [])
          .filter((edge) => edge.runtime)
          .map((edge) => fileOf(graph, edge.module))
          .filter((other): other is string => !!other && other.startsWith(under)),
      ),
    ].sort();
  // Tarjan's strongly connected components: every component of more than one file is a cycle.
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (file: string) => {
    indices.set(file, index);
    low.set(file, index);
    index++;
    stack.push(file);
    onStack.add(file);
    for (const other of next(file)) {
      if (!indices.has(other)) {
        connect(other);
        low.set(file, Math.min(low.get(file)!, low.get(other)!));
      } else if (onStack.has(other)) low.set(file, Math.min(low.get(file)!, indices.get(other)!));
    }
    if (low.get(file) === indices.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || next(file).includes(file)) found.push(component.sort());
    }
  };
  for (const file of files) if (!indices.has(file)) connect(file);
  return found;
}

// ---- Who touches IndexedDB ----

/**
 * Uses of IndexedDB outside the places allowed to touch it: every expression whose symbol,
 * followed through every alias and re-export, is the project's `getDb`, anything of the `idb`
 * package, or the browser's own IndexedDB API. By the symbol, not the name: `getDb` re-exported
 * as `openDatabase` is still `getDb`.
 */
export function databaseTouches(program: ts.Program, allowed: (file: string) => boolean, base = root): string[] {
  const checker = program.getTypeChecker();
  const isDatabaseDeclaration = (declaration: ts.Declaration): boolean => {
    const file = declaration.getSourceFile().fileName;
    if (/[\\/]node_modules[\\/]idb[\\/]/.test(file)) return true;
    const relativeFile = relative(base, file);
    if (relativeFile === 'lib/db/open.ts') {
      const name = ts.getNameOfDeclaration(declaration);
      return !!name && ts.isIdentifier(name) && name.text === 'getDb';
    }
    if (/[\\/]typescript[\\/]lib[\\/]lib\.dom\.d\.ts$/.test(file)) {
      let parent: ts.Node | undefined = declaration.parent;
      while (parent && !ts.isInterfaceDeclaration(parent)) parent = parent.parent;
      const owner = parent && ts.isInterfaceDeclaration(parent) ? parent.name.text : undefined;
      if (owner?.startsWith('IDB')) return true;
      const name = ts.getNameOfDeclaration(declaration);
      return !!name && ts.isIdentifier(name) && name.text === 'indexedDB';
    }
    return false;
  };
  const offenders: string[] = [];
  for (const source of program.getSourceFiles()) {
    const file = relative(base, source.fileName);
    if (file.startsWith('..') || file.includes('node_modules') || source.isDeclarationFile || allowed(file)) continue;
    const visit = (node: ts.Node): void => {
      // Types are not touches: a module may name the database's type without opening it.
      if (ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
      if (ts.isIdentifier(node)) {
        let symbol = checker.getSymbolAtLocation(node);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        if (symbol?.declarations?.some(isDatabaseDeclaration)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          offenders.push(`${file}:${line + 1} ${node.text}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return offenders;
}

/** A program over the project's own code, resolved with the committed tsconfig.json. */
export function projectProgram(): ts.Program {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const files = ['lib', 'components', 'entrypoints'].flatMap(sourceFiles).map((file) => join(root, file));
  return ts.createProgram(files, { ...parsed.options, noEmit: true });
}
