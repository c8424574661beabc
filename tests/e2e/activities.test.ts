import { afterEach, describe, expect, it } from 'vitest';
import { extensionUrl, launch, openPopup, openTab, readStore, type Launched } from './harness';
import { openLibrary } from './library-helpers';

// Learning with no link: a day shadowing a colleague logged from the popup, a book from the library.

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

interface StoredActivity {
  id: string;
  kind: string;
  url?: string;
  canonicalUrl?: string;
  activityType?: string;
  title: string;
  happenedOn?: string;
  withWhom?: string;
  author?: string;
  isbn?: string;
  status: string;
  takeaways: { id: string; text: string }[];
}

/** YYYY-MM-DD for `daysAgo` days before today, in the browser's time zone. */
function dayBefore(daysAgo: number): string {
  const date = new Date(Date.now() - daysAgo * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** "8 Dec 2026": how the English UI shows an ISO day. */
function shownDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(year, month - 1, day),
  );
}

describe('learning with no link', () => {
  it('logged from the popup and the library, found, reflected on, acted on and shared', async () => {
    ext = await launch();

    // From the popup, on a page that cannot be saved: type, title, day, Enter.
    const settings = await openTab(ext, 'chrome://settings/');
    const popup = await openPopup(ext, settings);
    await popup.getByText('Nothing to save here').waitFor();
    await popup.getByRole('button', { name: 'Log learning' }).click();
    const kind = popup.getByLabel('Kind of learning');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await kind.selectOption({ label: 'Shadowing a colleague' });
    await popup.getByLabel('What did you learn from?').fill('A day with Anna in support');
    // The day reads as the rest of the UI does, and is typed the British way (day first).
    const when = popup.getByLabel('When');
    expect(await when.inputValue()).toBe(shownDay(dayBefore(0)));
    const [year, month, day] = dayBefore(2).split('-').map(Number);
    await when.fill(`${day}/${month}/${year}`);
    await when.press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Logged. Add takeaways on its page.' }).waitFor();
    const pageLink = await popup.getByRole('link', { name: 'Open its page' }).getAttribute('href');
    expect(pageLink).toMatch(/\/library\.html#resource\/[\w-]+$/);

    // From the library: the whole form, a book with its author and ISBN.
    const library = await openLibrary(ext);
    await library.getByRole('link', { name: 'Log learning' }).click();
    await library.getByRole('heading', { name: 'Log learning that has no link' }).waitFor();
    await library.getByLabel('Kind of learning').selectOption({ label: 'Book' });
    await library.getByLabel('Title').fill('The Fifth Discipline');
    await library.getByLabel('Author (optional)').fill('Peter Senge');
    await library.getByLabel('ISBN (optional)').fill('978-0-306-40615-8');
    await library.getByRole('button', { name: 'Log it' }).click();
    // A wrong check digit is caught before anything is stored.
    await library.getByRole('alert').filter({ hasText: 'That is not a valid ISBN' }).waitFor();
    await library.getByLabel('ISBN (optional)').fill('978-0-306-40615-7');
    await library.getByRole('button', { name: 'Log it' }).click();
    await library.getByRole('heading', { name: 'The Fifth Discipline', level: 1 }).waitFor();
    await library.getByRole('region', { name: 'About this activity' }).waitFor();
    // No link pretends to be one.
    expect(await library.getByRole('link', { name: /^Open/ }).count()).toBe(0);

    const stored = await readStore<StoredActivity>(library, 'resources');
    const shadowing = stored.find((r) => r.activityType === 'shadowing')!;
    const book = stored.find((r) => r.activityType === 'book')!;
    expect(shadowing).toMatchObject({
      kind: 'activity',
      title: 'A day with Anna in support',
      happenedOn: dayBefore(2),
    });
    expect(book).toMatchObject({ kind: 'activity', author: 'Peter Senge', isbn: '9780306406157', status: 'learning' });
    for (const activity of [shadowing, book]) expect('url' in activity || 'canonicalUrl' in activity).toBe(false);

    // In the library with the rest, each with its kind of learning; the filter finds each kind.
    await library.goto(extensionUrl(ext, 'library.html#resources'));
    await expect.poll(() => library.locator('.res-row').count()).toBe(2);
    const chips = await library.locator('.res-row .res-meta .chip').allTextContents();
    expect(chips).toEqual(expect.arrayContaining(['Shadowing a colleague', 'Book']));
    await library.getByLabel('Kind', { exact: true }).selectOption({ label: 'Shadowing a colleague' });
    await expect
      .poll(() => library.locator('.res-row .res-title').allTextContents())
      .toEqual(['A day with Anna in support']);

    // A prompt about the shadowing day, in its own words, answered.
    await library.goto(
      extensionUrl(ext, `library.html#journal?prompt=activity_shadowing&resource=${encodeURIComponent(shadowing.id)}`),
    );
    const question = library.getByRole('textbox', { name: 'What does your colleague do that you will try?' });
    await question.fill('She writes the reply before she reads the logs.');
    await library.getByRole('button', { name: 'Save answer' }).click();
    await library.getByRole('status').filter({ hasText: 'Saved to your journal.' }).waitFor();
    const [reflection] = await readStore<{ resourceId?: string; answer: string }>(library, 'reflections');
    expect(reflection).toMatchObject({
      resourceId: shadowing.id,
      answer: 'She writes the reply before she reads the logs.',
    });

    // The book's takeaway becomes an action.
    await library.goto(extensionUrl(ext, `library.html#resource/${encodeURIComponent(book.id)}`));
    await library.getByRole('textbox', { name: 'Add takeaway' }).fill('Share the mental model before the plan');
    await library.getByRole('button', { name: 'Add takeaway' }).click();
    await library.getByRole('textbox', { name: 'Takeaway 1' }).waitFor();
    await library.getByRole('radio', { name: 'Learned' }).check();
    await library.getByRole('link', { name: 'Turn into an action: Share the mental model before the plan' }).click();
    // The action starts from the takeaway's words.
    await expect
      .poll(() => library.getByLabel('What will you do differently?').inputValue())
      .toBe('Share the mental model before the plan');
    await library.getByLabel('What will you do differently?').fill('Draw the system with the team on Monday');
    await library.getByRole('button', { name: 'Save action' }).click();
    await library.getByRole('status').filter({ hasText: 'Action saved.' }).waitFor();
    const [action] = await readStore<{ source: { kind: string; id: string; title: string } }>(library, 'actions');
    const takeawayId = (await readStore<{ id: string; takeaways: { id: string }[] }>(library, 'resources')).find(
      (r) => r.id === book.id,
    )!.takeaways[0]!.id;
    expect(action?.source).toEqual({
      kind: 'resource',
      id: book.id,
      title: 'The Fifth Discipline',
      item: { kind: 'takeaway', id: takeawayId },
    });

    // The team digest lists both, by their kind and day, with the takeaway, and no link.
    await library.goto(extensionUrl(ext, 'library.html#team'));
    const preview = library.getByRole('region', { name: 'Team digest' }).getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toContain('## The Fifth Discipline');
    const digest = (await preview.textContent()) ?? '';
    expect(digest).toContain('## A day with Anna in support\n\nShadowing a colleague · ');
    // The author's name is direction-isolated (FSI … PDI), as every author in the digest.
    expect(digest).toMatch(/## The Fifth Discipline\n\nBook · .* · \u2068Peter Senge\u2069 · Learned/);
    expect(digest).toContain('- Share the mental model before the plan');
    expect(digest).toContain('- Draw the system with the team on Monday');
    expect(digest).not.toMatch(/## \[(A day with Anna|The Fifth Discipline)/);

    // "What did you learn this week that has no link?" answered, then one click makes it an activity.
    await library.goto(extensionUrl(ext, 'library.html#journal?prompt=noLinkThisWeek'));
    await library
      .getByRole('textbox', { name: 'What did you learn this week that has no link?' })
      .fill('Customer call with Nordbank\nThey read our status page before they call.');
    await library.getByRole('button', { name: 'Save answer' }).click();
    await library.getByRole('status').filter({ hasText: 'Saved to your journal.' }).waitFor();
    await library.getByRole('button', { name: 'Log it as learning' }).click();
    await library.getByRole('heading', { name: 'Customer call with Nordbank', level: 1 }).waitFor();
    expect(await library.getByLabel('Notes').inputValue()).toBe(
      'Customer call with Nordbank\nThey read our status page before they call.',
    );
  });
});
