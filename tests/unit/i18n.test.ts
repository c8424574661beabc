import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { localeLanguages, readLocale } from '../../scripts/locales';
import { formatClock, substitute } from '../../lib/i18n';

const root = join(import.meta.dirname, '../..');

describe('locales', () => {
  const languages = localeLanguages();
  const english = readLocale('en');

  it('ships English and Swedish', () => {
    expect(languages).toEqual(['en', 'sv']);
  });

  it.each(languages.filter((l) => l !== 'en'))('%s has exactly the English keys', (lang) => {
    const other = readLocale(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(languages)('%s has no empty message and keeps the same $n substitutions as English', (lang) => {
    const messages = readLocale(lang);
    for (const [key, { message }] of Object.entries(messages)) {
      expect(message.trim(), key).not.toBe('');
      const subs = (m: string) => [...m.matchAll(/\$\d/g)].map((x) => x[0]).sort();
      expect(subs(message), key).toEqual(subs(english[key]!.message));
    }
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.tsx') ? [path] : [];
  });
}

describe('UI code', () => {
  // Text between JSX tags, and in attributes people read, must come from t(): a literal word
  // there is a string the Swedish user would see in English.
  const files = [...sourceFiles(join(root, 'components')), ...sourceFiles(join(root, 'entrypoints'))];
  const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);

  function literalText(file: string): string[] {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    const found: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isJsxText(node) && /\p{L}{2,}/u.test(node.text)) found.push(node.text.trim());
      if (
        ts.isJsxAttribute(node) &&
        READ_ATTRIBUTES.has(node.name.getText()) &&
        node.initializer &&
        ts.isStringLiteral(node.initializer) &&
        /\p{L}{2,}/u.test(node.initializer.text)
      ) {
        found.push(`${node.name.getText()}="${node.initializer.text}"`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }

  it.each(files.map((f) => relative(root, f)))('%s holds no literal user-facing text', (file) => {
    expect(literalText(join(root, file))).toEqual([]);
  });
});

describe('substitute', () => {
  it.each([
    ['$1 min read', [5], '5 min read'],
    ['Clip at $1', ['12:34'], 'Clip at 12:34'],
    ['$1 of $2', [1, 3], '1 of 3'],
    ['Costs $$5', [], 'Costs $5'],
  ])('%s with %j → %s', (message, subs, expected) => {
    expect(substitute(message, subs)).toBe(expected);
  });
});

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [59, '0:59'],
    [754, '12:34'],
    [3723, '1:02:03'],
  ])('%i s → %s', (seconds, expected) => {
    expect(formatClock(seconds)).toBe(expected);
  });
});
