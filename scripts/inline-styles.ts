import type { OutputAsset } from 'rollup';
import type { Plugin } from 'vite';

/*
 * A page's style sheet goes into its HTML as a <style> element. The browser serves an extension's
 * files one request at a time, so a page that loads a script and a sheet waits for two; inline,
 * the sheet arrives with the page and the script is the only request before the first render.
 * Extension pages may carry inline styles (only scripts must be files: script-src 'self').
 */

const STYLESHEET_LINK = /<link\b[^>]*\brel="stylesheet"[^>]*>/g;
const HREF = /\bhref="\/?([^"]+\.css)"/;

/** `html` with each linked sheet found in `sheets` put inline; the sheets it inlined. */
export function inlineStylesheets(
  html: string,
  sheets: ReadonlyMap<string, string>,
): { html: string; inlined: string[] } {
  const inlined: string[] = [];
  const out = html.replace(STYLESHEET_LINK, (link) => {
    const file = link.match(HREF)?.[1];
    const css = file === undefined ? undefined : sheets.get(file);
    if (file === undefined || css === undefined) return link;
    inlined.push(file);
    // `</style` inside the sheet would end the element early; CSS never needs it literally.
    return `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
  });
  return { html: out, inlined };
}

function text(source: string | Uint8Array): string {
  return typeof source === 'string' ? source : new TextDecoder().decode(source);
}

/** Whether a built HTML file is entrypoint `name`'s page (WXT names it popup.html only later). */
function isPage(fileName: string, name: string): boolean {
  return [`${name}.html`, `entrypoints/${name}.html`, `entrypoints/${name}/index.html`].includes(fileName);
}

/** Puts the sheets that the pages of entrypoints `pages` (e.g. "popup") link into those pages. */
export function inlineStyles(pages: readonly string[]): Plugin {
  return {
    name: 'learning-loop:inline-styles',
    enforce: 'post',
    apply: 'build',
    generateBundle(_options, bundle) {
      const htmlPages = Object.values(bundle).filter(
        (item): item is OutputAsset => item.type === 'asset' && item.fileName.endsWith('.html'),
      );
      // A sheet inline in one page is missing from any other page of the same build that loads
      // the same chunks: only a build whose every page is one of `pages` is changed.
      if (htmlPages.length === 0 || !htmlPages.every((page) => pages.some((name) => isPage(page.fileName, name))))
        return;
      const sheets = new Map<string, string>();
      for (const item of Object.values(bundle))
        if (item.type === 'asset' && item.fileName.endsWith('.css')) sheets.set(item.fileName, text(item.source));
      const inlined = new Set<string>();
      for (const page of htmlPages) {
        const result = inlineStylesheets(text(page.source), sheets);
        page.source = result.html;
        for (const file of result.inlined) inlined.add(file);
      }
      for (const file of inlined) {
        delete bundle[file];
        // Vite lists a chunk's sheets beside each lazy import of it, and would load the file
        // before the import runs; the page that loads the chunk has the sheet already.
        for (const item of Object.values(bundle))
          if (item.type === 'chunk') item.viteMetadata?.importedCss.delete(file);
      }
    },
  };
}
