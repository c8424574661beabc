import { afterEach, describe, expect, it } from 'vitest';
import {
  axeViolations,
  currentWorker,
  extensionUrl,
  launch,
  openPopup,
  openTab,
  promptDueIn,
  putRecords,
  readStore,
  screenshotsInto,
  stopServiceWorkers,
  type Launched,
} from './harness';

/** Screenshots of what this feature shows, for a person to look at: REVIEW_SHOTS_DIR=/tmp/… */
const shot = screenshotsInto(process.env.REVIEW_SHOTS_DIR);

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const DAY = 86_400_000;
const VIDEO = 'https://www.youtube.com/watch?v=sreTalk0001';

interface StoredCard {
  id: string;
  itemKind: string;
  itemId: string;
  due?: number;
  history: { answer: string }[];
}
interface StoredAction {
  text: string;
  source: { kind: string; id?: string; item?: { kind: string; id: string } };
}

/** A talk saved last week: a quote and a clip already kept (each with its card, as the app writes them). */
function savedTalk(now: number) {
  const at = now - 7 * DAY;
  return {
    resource: {
      id: 'sre-talk',
      url: VIDEO,
      canonicalUrl: VIDEO,
      kind: 'video',
      title: 'Site Reliability Engineering at work',
      site: 'YouTube',
      videoId: 'sreTalk0001',
      durationSec: 2400,
      notes: '',
      clips: [{ id: 'clip-1', atSec: 754, note: 'Toil is work a machine could do', createdAt: at }],
      quotes: [{ id: 'quote-1', exact: 'Hope is not a strategy.', note: '', createdAt: at }],
      takeaways: [],
      tags: ['sre'],
      status: 'queued',
      createdAt: at,
      updatedAt: at,
    },
    cards: [
      ['clip', 'clip-1'],
      ['quote', 'quote-1'],
    ].map(([kind, item]) => ({
      id: `sre-talk/${kind}/${item}`,
      resourceId: 'sre-talk',
      itemKind: kind,
      itemId: item,
      due: at + DAY,
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      reps: 0,
      lapses: 0,
      state: 0,
      history: [],
      createdAt: at,
      updatedAt: at,
    })),
  };
}

describe('daily review', () => {
  it('takeaways written as items come back with the prompt; Applied it and Turn into an action in one click each; the resource page shows what came of it; search says why', async () => {
    ext = await launch();
    const library = await ext.context.newPage();
    await library.goto(extensionUrl(ext, 'library.html#resources'));
    await library.locator('#main h1').first().waitFor();
    const now = Date.now();
    const talk = savedTalk(now);
    await putRecords(library, 'resources', [talk.resource]);
    await putRecords(library, 'reviews', talk.cards);

    // Two takeaways, typed on the resource page: one item each, Enter adds.
    await library.goto(extensionUrl(ext, 'library.html#resource/sre-talk'));
    const add = library.getByPlaceholder('What will you keep from this? What will you do differently?');
    await add.fill('Error budgets end the ops-versus-dev argument');
    await add.press('Enter');
    await library.getByRole('textbox', { name: 'Takeaway 1' }).waitFor();
    await library.getByPlaceholder('Another takeaway…').fill('Blameless postmortems make people report early');
    await library.getByPlaceholder('Another takeaway…').press('Enter');
    await library.getByRole('textbox', { name: 'Takeaway 2' }).waitFor();
    // Still To learn with a takeaway: the page offers Mark learned (one click, undoable).
    await library.getByRole('button', { name: 'Mark learned' }).click();
    await library
      .getByRole('status')
      .filter({ hasText: 'Marked learned.' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await library.getByRole('button', { name: 'Mark learned' }).waitFor();
    await expect
      .poll(async () => (await readStore<{ status: string }>(library, 'resources'))[0]?.status)
      .toBe('queued');

    // Each takeaway has its card, first due tomorrow; the test moves them to this morning.
    let cards = await readStore<StoredCard>(library, 'reviews');
    const takeawayCards = cards.filter((card) => card.itemKind === 'takeaway');
    expect(takeawayCards).toHaveLength(2);
    for (const card of takeawayCards) expect(card.due! - now).toBeGreaterThan(DAY - 60_000);
    await putRecords(
      library,
      'reviews',
      takeawayCards.map((card) => ({ ...card, due: now - 3_600_000 })),
    );

    // The prompt comes due: today's review opens with it (the badge says so).
    const when = await promptDueIn(library, 2);
    const worker = await currentWorker(ext);
    await expect
      .poll(() => worker.evaluate(async () => (await chrome.storage.local.get('reviewSession')).reviewSession), {
        timeout: 20_000,
      })
      .toMatchObject({ answered: 0 });
    expect(Date.now()).toBeGreaterThanOrEqual(when - 1000);
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('?');
    // Nothing lives in the worker's memory: the popup reads it all from storage.
    const tabId = await openTab(ext, 'chrome://version/');
    await stopServiceWorkers(library);

    // The popup: three of the four due items (the default), each with its source and four answers.
    const popup = await openPopup(ext, tabId);
    // Named in the strip above the page's action (the question first); used, the cards open in place.
    await popup.locator('.waiting-strip').click();
    const review = popup.getByRole('region', { name: 'From what you learned' });
    await expect.poll(() => review.locator('.review-card').count()).toBe(3);
    const first = review.locator('.review-card').first();
    await first.getByText('From Site Reliability Engineering at work').waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await shot(popup, 'popup-review');
    await first.getByRole('button', { name: 'Applied it' }).click();
    await review
      .getByRole('status')
      .filter({ hasText: /^Applied it: next time / })
      .waitFor();
    await expect.poll(() => review.locator('.review-card').count()).toBe(2);

    // Turn into an action: the action form opens in the library, its box already holding the item.
    const second = review.locator('.review-card').first();
    const secondText = (await second.locator('.review-text').textContent())!;
    const [form] = await Promise.all([
      ext.context.waitForEvent('page'),
      second.getByRole('button', { name: 'Turn into an action' }).click(),
    ]);
    const actionBox = form.getByRole('textbox', { name: /What will you do/ });
    await expect.poll(() => actionBox.inputValue()).toBe(secondText);
    await actionBox.fill(`Try it: ${secondText}`);
    await form.getByRole('button', { name: 'Save action' }).click();
    await form.getByRole('status').filter({ hasText: /saved/i }).waitFor();

    cards = await readStore<StoredCard>(popup, 'reviews');
    const answered = cards.filter((card) => card.history.length > 0);
    expect(answered.map((card) => card.history.map((h) => h.answer)).sort()).toEqual([['action'], ['applied']]);
    const applied = answered.find((card) => card.history[0]!.answer === 'applied')!;
    const made = answered.find((card) => card.history[0]!.answer === 'action')!;
    expect(applied.due! - Date.now()).toBeGreaterThan(made.due! - Date.now());
    const [action] = await readStore<StoredAction>(popup, 'actions');
    expect(action!.source).toMatchObject({
      kind: 'resource',
      id: 'sre-talk',
      item: { kind: made.itemKind, id: made.itemId },
    });

    // A reflection about the resource, from the journal's link for it.
    await library.goto(extensionUrl(ext, 'library.html#journal?prompt=resourceApply&resource=sre-talk'));
    // The prompt shows what was taken from the resource beside the question.
    await library.locator('.prompt-context').getByText('Error budgets end the ops-versus-dev argument').waitFor();
    await library.locator('#journal-answer').fill('Set an error budget for the checkout service.');
    await library.getByRole('button', { name: 'Save answer' }).click();
    await library.getByRole('status').filter({ hasText: 'Saved to your journal.' }).waitFor();

    // The resource page: the action, the reflection and the review history, each linked.
    await library.goto(extensionUrl(ext, 'library.html#resource/sre-talk'));
    const came = library.getByRole('region', { name: 'What came of it' });
    await came.getByRole('link', { name: `Try it: ${secondText}` }).waitFor();
    await came.getByText('Set an error budget for the checkout service.').waitFor();
    await came.locator('.res-conn-review').filter({ hasText: 'Applied it' }).waitFor();
    await came.locator('.res-conn-review').filter({ hasText: 'Turn into an action' }).waitFor();
    expect(await axeViolations(library)).toEqual([]);
    await shot(library, 'resource-page');

    // The library's Review section: what is still due, answered with a key.
    await library.goto(extensionUrl(ext, 'library.html#review'));
    await library.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
    await expect.poll(() => library.locator('.review-card').count()).toBe(2);
    await shot(library, 'review-section');
    await library.keyboard.press('4');
    await library.getByRole('status').filter({ hasText: 'Retired: it will not come back.' }).waitFor();
    await expect.poll(() => library.locator('.review-card').count()).toBe(1);

    // Search for a word in a takeaway: the row says why it matched, the word marked.
    await library.goto(extensionUrl(ext, 'library.html#resources'));
    await library.getByRole('searchbox').fill('postmortems');
    const snippet = library.locator('.res-row .res-snippet');
    await snippet.waitFor();
    expect(await snippet.textContent()).toContain('Takeaway: Blameless postmortems make people report early');
    expect(await snippet.locator('mark').allTextContents()).toEqual(['postmortems']);
    await shot(library, 'search-snippet');
  });
});
