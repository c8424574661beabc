import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * A Document for `html` as if served at `url`: its own happy-dom window, so relative links
 * resolve against the page's address. DOMParser does not run the page's scripts.
 */
export function parseHtml(html: string, url: string): Document {
  const window = new Window({ url });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function readFixture(relative: string): string {
  return readFileSync(path.join(repoRoot, 'tests/fixtures', relative), 'utf8');
}

/** What the player reports: happy-dom has no media pipeline, so the clock is set by hand. */
export function setPlayer(doc: Document, state: { currentTime?: number; duration?: number }): HTMLVideoElement {
  const video = doc.querySelector('video');
  if (!video) throw new Error('fixture has no <video>');
  if (state.currentTime !== undefined)
    Object.defineProperty(video, 'currentTime', { configurable: true, get: () => state.currentTime });
  if (state.duration !== undefined)
    Object.defineProperty(video, 'duration', { configurable: true, get: () => state.duration });
  return video;
}
