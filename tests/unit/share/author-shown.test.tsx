import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResourcePage } from '../../../components/library/ResourcePage';
import { ResourceRowView } from '../../../components/library/ResourceRow';
import { collectResourceDigest } from '../../../lib/app/share-reads';
import { getDb } from '../../../lib/db/open';
import { toRow } from '../../../lib/library/filter';
import type { Resource } from '../../../lib/model/resource';
import { digestMarkdown, digestText } from '../../../lib/share/digest';

// The article's author, captured from its byline, shows in the library's row, on the resource
// page and in the digest, with its direction isolated so it cannot reorder the words around it.

const NOW = new Date(2026, 11, 8, 9).getTime();
const ARTICLE: Resource = {
  id: 'dropbox',
  url: 'https://dropbox.tech/infrastructure/magic-pocket',
  canonicalUrl: 'https://dropbox.tech/infrastructure/magic-pocket',
  kind: 'article',
  title: 'Inside the Magic Pocket',
  site: 'Dropbox Tech',
  author: 'Jamie Turner\u202Eevil',
  readingMinutes: 12,
  notes: '',
  clips: [],
  takeaways: [],
  tags: [],
  status: 'queued',
  createdAt: NOW,
  updatedAt: NOW,
};

describe('the author of an article', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  it('shows in the library row, isolated, after the site', async () => {
    await act(async () => {
      render(
        <ul>
          <ResourceRowView
            row={toRow(ARTICLE)}
            index={0}
            setSize={1}
            top={0}
            selected={false}
            onToggle={() => undefined}
            thumbnails={false}
            formatDate={(time) => new Date(time).toISOString()}
          />
        </ul>,
        root,
      );
    });
    const meta = root.querySelector('.res-meta-text')!;
    expect(meta.textContent).toBe('Dropbox Tech · 12 min read · Jamie Turner\u202Eevil');
    expect(meta.querySelector('bdi')?.textContent).toBe('Jamie Turner\u202Eevil');
  });

  it('shows on the resource page', async () => {
    await (await getDb()).put('resources', ARTICLE);
    await act(async () => {
      render(<ResourcePage id="dropbox" />, root);
    });
    await vi.waitFor(() =>
      expect(root.querySelector('.res-page-head bdi.res-author')?.textContent).toBe(ARTICLE.author),
    );
    expect(root.querySelector('.res-page-head .res-meta')?.textContent).toContain(
      'Dropbox Tech · 12 min read · Jamie Turner\u202Eevil · Saved',
    );
  });

  it('shows in the digest, as text and Markdown, bounded', async () => {
    const long = { ...ARTICLE, author: `${'A'.repeat(300)}` };
    const digest = await collectResourceDigest(ARTICLE);
    expect(digestText(digest)).toContain('Article · \u2068Jamie Turner\u202Eevil\u2069 · Dropbox Tech');
    expect(digestMarkdown(digest)).toContain('Article · \u2068Jamie Turner\u202Eevil\u2069 · Dropbox Tech');
    expect((await collectResourceDigest(long)).items[0]?.author).toHaveLength(200);
  });
});
