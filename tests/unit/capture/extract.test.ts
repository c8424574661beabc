import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractPageDocument } from '../../../lib/capture/extract-page';
import { extractYouTubeDocument } from '../../../lib/capture/extract-youtube';
import { parseHtml, readFixture, setPlayer } from './html';

/** A page can replace DOM methods in its own world; here every query throws. */
function breakEveryQuery(doc: Document): void {
  const boom = () => {
    throw new Error('no');
  };
  Object.assign(doc, { querySelector: boom, querySelectorAll: boom, getElementsByTagName: boom, cloneNode: boom });
}

describe('the capture scripts: extractPageDocument and extractYouTubeDocument', () => {
  it('reads a YouTube watch page as a video', () => {
    const url = 'https://www.youtube.com/watch?v=Zz_-9876543';
    const doc = parseHtml(readFixture('youtube/watch-after-spa-navigation.html'), url);
    setPlayer(doc, { currentTime: 61, duration: 1801 });
    expect(extractYouTubeDocument(doc, url)).toMatchObject({
      kind: 'video',
      videoId: 'Zz_-9876543',
      title: 'Running retrospectives that change things',
      positionSec: 61,
    });
  });

  it('reads an article as an article', () => {
    const url = 'https://blog.example/post';
    const body = Array.from(
      { length: 10 },
      (_, i) =>
        `<p>Part ${i}. A shadowing day with a colleague from support showed us more about our product than a month of dashboards: we saw where customers hesitate, which words confuse them, and which workarounds they have quietly built.</p>`,
    ).join('');
    const doc = parseHtml(
      `<html><head><title>What shadowing taught us</title></head><body><article><h1>What shadowing taught us</h1>${body}</article></body></html>`,
      url,
    );
    expect(extractPageDocument(doc, url)).toMatchObject({ kind: 'article', title: 'What shadowing taught us' });
  });

  it('reads anything else as a page', () => {
    const url = 'https://app.example/dashboard';
    const doc = parseHtml('<html><head><title>Dashboard</title></head><body><button>Go</button></body></html>', url);
    expect(extractPageDocument(doc, url)).toEqual({
      url,
      canonicalUrl: url,
      kind: 'page',
      title: 'Dashboard',
      site: 'app.example',
      iconUrl: 'https://app.example/favicon.ico',
    });
  });

  it('still answers with the address and title when the page breaks every reader', () => {
    const url = 'https://hostile.example/a?utm_source=x';
    const doc = parseHtml('<html><head><title>Hostile</title></head><body></body></html>', url);
    breakEveryQuery(doc);
    expect(extractPageDocument(doc, url)).toEqual({
      url,
      canonicalUrl: 'https://hostile.example/a',
      kind: 'page',
      title: 'Hostile',
    });
  });

  it('keeps a file: page, with its own address as the key', () => {
    const url = 'file:///home/me/notes.html#top';
    const doc = parseHtml('<html><head><title>Notes</title></head><body></body></html>', url);
    expect(extractPageDocument(doc, url)).toMatchObject({
      kind: 'page',
      title: 'Notes',
      canonicalUrl: 'file:///home/me/notes.html',
    });
  });

  it('returns a plain object that survives structured cloning (the executeScript result)', () => {
    const url = 'https://www.youtube.com/watch?v=aAbBcCdD012';
    const doc = parseHtml(readFixture('youtube/watch-fresh-load.html'), url);
    const page = extractYouTubeDocument(doc, url);
    expect(structuredClone(page)).toEqual(page);
    expect(Object.values(page)).not.toContain(undefined);
  });

  describe('the selection: flagged for the selection script, never read by the page script', () => {
    const url = 'https://blog.example/post';
    // A window's own document: one parsed apart has no live selection in happy-dom.
    const live = (at: string) => {
      const window = new Window({ url: at });
      window.document.title = 'Post';
      window.document.body.innerHTML = '<p>Teams that review often learn faster.</p><input value="a search">';
      return window.document as unknown as Document;
    };
    const selectAll = (doc: Document) => {
      const range = doc.createRange();
      range.selectNodeContents(doc.querySelector('p')!);
      doc.getSelection()!.addRange(range);
    };

    it.each([
      ['any page', extractPageDocument, url],
      ['a YouTube video', extractYouTubeDocument, 'https://www.youtube.com/watch?v=aAbBcCdD012'],
    ])('%s with text selected asks for the selection script and carries no quote itself', (_l, extract, at) => {
      const doc = live(at);
      selectAll(doc);
      const page = extract(doc, at);
      expect(page.selectionPending).toBe(true);
      expect(page.selection).toBeUndefined();
      expect(structuredClone(page)).toEqual(page);
    });

    it('with nothing selected, or only a caret, asks for nothing', () => {
      const doc = live(url);
      expect(extractPageDocument(doc, url)).not.toHaveProperty('selectionPending');
      const caret = doc.createRange();
      caret.setStart(doc.querySelector('p')!.firstChild!, 3);
      doc.getSelection()!.addRange(caret);
      expect(extractPageDocument(doc, url)).not.toHaveProperty('selectionPending');
    });

    it('text selected in a form field is refused right away: it is what the user typed', () => {
      const doc = live(url);
      const input = doc.querySelector('input')!;
      input.focus();
      input.setSelectionRange(2, 6);
      const page = extractPageDocument(doc, url);
      expect(page.selectionRefused).toBe('form-field');
      expect(page).not.toHaveProperty('selectionPending');
    });

    it('a page that breaks the selection API is still read', () => {
      const doc = live(url);
      Object.assign(doc, {
        getSelection: () => {
          throw new Error('no');
        },
      });
      expect(extractPageDocument(doc, url)).toMatchObject({ kind: 'page', title: 'Post' });
    });
  });

  it('a YouTube watch page whose every reader breaks still gives its address and title', () => {
    const url = 'https://www.youtube.com/watch?v=aAbBcCdD012';
    const doc = parseHtml('<html><head><title>A talk - YouTube</title></head><body></body></html>', url);
    breakEveryQuery(doc);
    expect(extractYouTubeDocument(doc, url)).toMatchObject({ url, kind: 'page', title: 'A talk - YouTube' });
  });
});
