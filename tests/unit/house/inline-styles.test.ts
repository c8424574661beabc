import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';
import { inlineStyles, inlineStylesheets } from '../../../scripts/inline-styles';

describe('inlineStylesheets', () => {
  const sheets = new Map([
    ['assets/popup-abc.css', 'body{color:red}'],
    ['assets/odd.css', 'a::after{content:"</style>"}'],
  ]);
  it.each([
    {
      name: 'a linked sheet becomes a <style>',
      html: '<head><link rel="stylesheet" crossorigin href="/assets/popup-abc.css"></head>',
      out: '<head><style>body{color:red}</style></head>',
      inlined: ['assets/popup-abc.css'],
    },
    {
      name: 'a relative address too',
      html: '<link rel="stylesheet" href="assets/popup-abc.css">',
      out: '<style>body{color:red}</style>',
      inlined: ['assets/popup-abc.css'],
    },
    {
      name: 'a sheet the build did not make stays linked',
      html: '<link rel="stylesheet" href="/theme/other.css">',
      out: '<link rel="stylesheet" href="/theme/other.css">',
      inlined: [],
    },
    {
      name: 'other links stay',
      html: '<link rel="icon" href="/assets/popup-abc.css">',
      out: '<link rel="icon" href="/assets/popup-abc.css">',
      inlined: [],
    },
    {
      name: 'a sheet cannot end its element early',
      html: '<link rel="stylesheet" href="/assets/odd.css">',
      out: '<style>a::after{content:"<\\/style>"}</style>',
      inlined: ['assets/odd.css'],
    },
  ])('$name', ({ html, out, inlined }) => {
    expect(inlineStylesheets(html, sheets)).toEqual({ html: out, inlined });
  });
});

/*
 * A page whose lazily loaded chunk imports from the page's own chunk: Vite lists the page's sheet
 * beside that import and loads it first, unless it is found linked in the page. A sheet moved
 * inline must be taken off that list too, or the import fails on the missing file.
 */
describe('the inline-styles plugin in a Vite build', () => {
  const root = mkdtempSync(join(tmpdir(), 'inline-styles-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'entrypoints/popup/index.html':
      '<!doctype html><html><head><script type="module" src="./main.js"></script></head><body></body></html>',
    'entrypoints/popup/main.js': `import { shared } from './shared.js'; shared(); import('./lazy.js').then((m) => m.lazy());`,
    'entrypoints/popup/shared.js': `import './style.css'; export const shared = () => document.body.append('shared');`,
    'entrypoints/popup/lazy.js': `export const lazy = () => import('./shared.js').then((m) => m.shared());`,
    'entrypoints/popup/style.css': 'body { color: rgb(1, 2, 3); }',
    'entrypoints/other/index.html':
      '<!doctype html><html><head><script type="module" src="../popup/shared.js"></script></head></html>',
  };
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }

  async function built(pages: string[], withPlugin: boolean): Promise<Rollup.OutputBundle[string][]> {
    const output = (await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: withPlugin ? [inlineStyles(['popup'])] : [],
      build: {
        write: false,
        minify: false,
        rollupOptions: {
          input: Object.fromEntries(pages.map((name) => [name, join(root, `entrypoints/${name}/index.html`)])),
        },
      },
    })) as Rollup.RollupOutput;
    return output.output;
  }
  // A sheet's file name, as a chunk lists it to load (not Vite's own `.css` check in its loader).
  const SHEET_FILE = /[\w-]+\.css\b/;
  const source = (item: Rollup.OutputBundle[string]) => (item.type === 'chunk' ? item.code : String(item.source));

  it('puts the sheet in the page, ships no sheet file and no chunk loads one', async () => {
    const without = await built(['popup'], false);
    // The case this guards: without the plugin, a lazy chunk names the page's sheet.
    expect(without.some((item) => item.type === 'chunk' && SHEET_FILE.test(item.code))).toBe(true);

    const output = await built(['popup'], true);
    const page = output.find((item) => item.fileName.endsWith('index.html'))!;
    expect(source(page)).toContain('<style>body { color: rgb(1, 2, 3); }</style>');
    expect(source(page)).not.toMatch(/rel="stylesheet"/);
    expect(output.filter((item) => item.fileName.endsWith('.css'))).toEqual([]);
    expect(output.filter((item) => item.type === 'chunk' && SHEET_FILE.test(item.code)).map((c) => c.fileName)).toEqual(
      [],
    );
  }, 60_000);

  it('leaves a build alone when one of its pages is not among those asked for', async () => {
    const output = await built(['popup', 'other'], true);
    const page = output.find((item) => item.fileName === 'entrypoints/popup/index.html')!;
    expect(source(page)).toMatch(/rel="stylesheet"/);
    expect(output.some((item) => item.fileName.endsWith('.css'))).toBe(true);
  }, 60_000);
});
