import { describe, expect, it } from 'vitest';
import { extractFromDocument } from '../../../lib/capture/extract';
import { parseHtml, readFixture, setPlayer } from './html';

describe('extractFromDocument', () => {
  it('reads a YouTube watch page as a video', () => {
    const url = 'https://www.youtube.com/watch?v=Zz_-9876543';
    const doc = parseHtml(readFixture('youtube/watch-after-spa-navigation.html'), url);
    setPlayer(doc, { currentTime: 61, duration: 1801 });
    expect(extractFromDocument(doc, url)).toMatchObject({
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
    expect(extractFromDocument(doc, url)).toMatchObject({ kind: 'article', title: 'What shadowing taught us' });
  });

  it('reads anything else as a page', () => {
    const url = 'https://app.example/dashboard';
    const doc = parseHtml('<html><head><title>Dashboard</title></head><body><button>Go</button></body></html>', url);
    expect(extractFromDocument(doc, url)).toEqual({
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
    // A page can replace DOM methods in its own world; here every query throws.
    const boom = () => {
      throw new Error('no');
    };
    Object.assign(doc, { querySelector: boom, querySelectorAll: boom, getElementsByTagName: boom, cloneNode: boom });
    expect(extractFromDocument(doc, url)).toEqual({
      url,
      canonicalUrl: 'https://hostile.example/a',
      kind: 'page',
      title: 'Hostile',
    });
  });

  it('keeps a file: page, with its own address as the key', () => {
    const url = 'file:///home/me/notes.html#top';
    const doc = parseHtml('<html><head><title>Notes</title></head><body></body></html>', url);
    expect(extractFromDocument(doc, url)).toMatchObject({
      kind: 'page',
      title: 'Notes',
      canonicalUrl: 'file:///home/me/notes.html',
    });
  });

  it('returns a plain object that survives structured cloning (the executeScript result)', () => {
    const url = 'https://www.youtube.com/watch?v=aAbBcCdD012';
    const doc = parseHtml(readFixture('youtube/watch-fresh-load.html'), url);
    const page = extractFromDocument(doc, url);
    expect(structuredClone(page)).toEqual(page);
    expect(Object.values(page)).not.toContain(undefined);
  });
});
