import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { localeLanguages, readLocale } from '../../scripts/locales';
import { formatClock, formatDuration, substitute, tn, useDictionary, type Language } from '../../lib/i18n';

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

const PLURAL_FORM = /^(.+)_(zero|one|two|few|many|other)$/;

describe('plural forms', () => {
  it.each(localeLanguages())('%s has exactly the forms its plural rules use for each counted message', (lang) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
    const keys = Object.keys(readLocale(lang));
    // A stem is counted once it has a `_one` form (`activity_other` is the activity type "other").
    const stems = new Set(keys.filter((key) => key.endsWith('_one')).map((key) => key.slice(0, -'_one'.length)));
    const forms = new Map<string, string[]>();
    for (const key of keys) {
      const match = PLURAL_FORM.exec(key);
      if (match && stems.has(match[1]!)) forms.set(match[1]!, [...(forms.get(match[1]!) ?? []), match[2]!]);
    }
    expect(forms.size).toBeGreaterThan(10);
    for (const [stem, found] of forms) expect(found.sort(), stem).toEqual(categories);
  });

  it.each<[Language, number, string]>([
    ['en', 0, '0 resources'],
    ['en', 1, '1 resource'],
    ['en', 2, '2 resources'],
    ['en', 10_000, '10,000 resources'],
    ['sv', 1, '1 resurs'],
    ['sv', 3, '3 resurser'],
    ['sv', 10_000, '10\u00a0000 resurser'],
  ])('%s: %i → %s', (language, count, expected) => {
    useDictionary(language, readLocale(language));
    try {
      expect(tn('libCountAll', count)).toBe(expected);
    } finally {
      useDictionary('en', null);
    }
  });

  it.each<[Language, number, string]>([
    ['en', 55 * 60, '55 min'],
    ['en', 65 * 60, '1 h 5 min'],
    ['en', 120 * 60, '2 h'],
    ['sv', 55 * 60, '55 min'],
    ['sv', 65 * 60, '1 tim 5 min'],
  ])('%s: a %i s video reads %s, in the same units as "min read"', (language, seconds, expected) => {
    useDictionary(language, readLocale(language));
    try {
      expect(formatDuration(seconds)).toBe(expected);
    } finally {
      useDictionary('en', null);
    }
  });
});

/**
 * Numbers in messages that are not counts of something, so they need no plural forms: a score
 * out of 5, an HTTP status, a position ("Row 3", "3 of 5"), a size in MB, a label ("records: 3").
 */
const NOT_COUNTS = new Set([
  // A score out of 5 and its spread.
  'teamEnvMedian',
  'backupConfirmReplaceText',
  'backupErrorTooLarge',
  // A fixed limit (100 levels), never one.
  'backupErrorTooDeep',
  // The team's cap on a reaction (1,000 characters) and a length over it: never one.
  'teamReactTooLong',
  'backupExported',
  // "Saved … (files: 3)": a label and its number, as backupExported.
  'exportsDoneMarkdown',
  'exportsDoneQuotes',
  'backupImportHelp',
  'backupProgressChecking',
  'backupProgressSaving',
  'backupReasonTooMany',
  'backupRecordLabel',
  'backupRecordLabelWithId',
  'backupSkippedMore',
  'backupSkippedShow',
  'digestApplied',
  // The digest's header: "Takeaways: 3", a label and its count.
  'digestCountTakeaways',
  'digestCountQuotes',
  'digestCountClips',
  'digestCountActionsDone',
  'digestSummary',
  'followUpCount',
  'journalMatches',
  'libTakeawayNumber',
  'promptsBuiltIn',
  'readingMinutes',
  'reviewDueCount',
  'reviewKeyHint',
  'digestPreviewPart',
  'digestTopic',
  'trendDown',
  'trendLatest',
  'trendPoint',
  'trendUp',
  'weakestScore',
  'webhookErrorHttp',
  'durationMinutes',
  'durationHours',
  'durationHoursMinutes',
  'backupReasonRecordTime',
  'backupErrorFutureVersion',
  'clipLast',
  // A typed quote's caps ("longer than 4,000 characters", "at most 500 quotes"): fixed limits, never one.
  'libQuoteAddTooLong',
  'libQuoteAddLocationTooLong',
  'libQuoteAddNoteTooLong',
  'libQuoteAddTooMany',
  // A zip's refusals: over 1,000 entries against that limit, and sizes in MB.
  'zipErrorTooMany',
  'zipErrorTooLarge',
  // "Showing 50 of 2,500" and "Show 50 more" under a long list: a range, and a number that reads
  // the same for one as for many.
  'listShowing',
  'listShowMore',
]);

describe('counts in messages', () => {
  // A number handed to t() is a count a message must inflect ("1 resources"): such messages have
  // plural forms and go through tn(). The type checker finds every argument that is a number,
  // whether passed as one or formatted first.
  it('every message given a number either has plural forms or is listed as not a count', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => {},
      },
    );
    if (!config) throw new Error('tsconfig.json could not be read');
    const program = ts.createProgram({
      rootNames: config.fileNames.filter((f) => !f.includes('/tests/')),
      options: config.options,
    });
    const checker = program.getTypeChecker();
    const i18nModule = join(root, 'lib/i18n/index.ts');
    const isCount = (arg: ts.Expression): boolean =>
      Boolean(checker.getTypeAtLocation(arg).flags & ts.TypeFlags.NumberLike) ||
      (ts.isCallExpression(arg) &&
        ['formatNumber', 'String'].includes(arg.expression.getText()) &&
        arg.arguments.some((inner) => Boolean(checker.getTypeAtLocation(inner).flags & ts.TypeFlags.NumberLike)));
    const uncounted: string[] = [];
    let calls = 0;
    for (const file of program.getSourceFiles()) {
      if (!file.fileName.startsWith(root) || file.fileName.includes('node_modules')) continue;
      const visit = (node: ts.Node) => {
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
          let symbol = checker.getSymbolAtLocation(node.expression);
          if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
          if (symbol?.declarations?.[0]?.getSourceFile().fileName === i18nModule) {
            calls++;
            const key = node.arguments[0]?.getText().replace(/^['"`]|['"`]$/g, '') ?? '';
            if (node.arguments.slice(1).some(isCount) && !NOT_COUNTS.has(key)) {
              const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
              uncounted.push(`${relative(root, file.fileName)}:${line} ${key}`);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    expect(calls).toBeGreaterThan(500);
    expect(uncounted).toEqual([]);
  }, 60_000);
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

  // The browser draws these in its own locale ("06:48 PM", "12/08/2026" in a Swedish UI):
  // DateField and TimeField read and write days and times in the chosen language instead.
  it('has no date or time input that follows the browser instead of the chosen language', () => {
    const browserDrawn = files.filter((file) =>
      /type=["'{]+(date|time|datetime-local|month|week)["'}]/.test(readFileSync(file, 'utf8')),
    );
    expect(browserDrawn.map((file) => relative(root, file))).toEqual([]);
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
