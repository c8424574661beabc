import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  currentWorker,
  extensionUrl,
  launch,
  openPopup,
  openTab,
  putRecords,
  readStore,
  type Launched,
} from './harness';

interface StoredAction {
  id: string;
  text: string;
  source: { kind: string; id?: string; title?: string };
  followUpAt?: number;
  status: string;
  outcome?: string;
  doneAt?: number;
}

const DAY = 86_400_000;

/** Tell open pages and the background that a store changed (what every write in the extension does). */
/** What the application layer does after a write: tell open pages, and send the background the change. */
async function announce(page: Page, store: string): Promise<void> {
  await page.evaluate(async (name) => {
    new BroadcastChannel('learning-loop:db').postMessage({ store: name, ids: [], origin: 'e2e' });
    const change = { stores: [name], ids: [], items: [] };
    await chrome.runtime.sendMessage({ id: 1, type: 'changed', data: change, timestamp: Date.now() });
  }, store);
}

async function openLibrary(ext: Launched, hash: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(extensionUrl(ext, `library.html${hash}`));
  await page.locator('#main h1').first().waitFor();
  return page;
}

async function badgeText(ext: Launched): Promise<string> {
  const worker = await currentWorker(ext);
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

async function notificationIds(ext: Launched): Promise<string[]> {
  const worker = await currentWorker(ext);
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

function learnedResource(now: number) {
  return {
    id: 'talk',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    canonicalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    kind: 'video',
    title: 'Systems thinking for teams',
    site: 'YouTube',
    videoId: 'dQw4w9WgXcQ',
    notes: '',
    clips: [],
    takeaways: [
      { id: 'k1', text: 'Shared vision needs dialogue, not slides.', createdAt: now - DAY },
      { id: 'k2', text: 'Ask before telling.', createdAt: now - DAY },
    ],
    tags: [],
    status: 'learned',
    learnedAt: now - 1000,
    sharedAt: now - 500,
    sharedHow: 'meeting',
    createdAt: now - DAY,
    updatedAt: now - 500,
  };
}

function unsharedResource(now: number) {
  return {
    id: 'retro',
    url: 'https://blog.example.org/retros',
    canonicalUrl: 'https://blog.example.org/retros',
    kind: 'article',
    title: 'Why most retros fail',
    site: 'Example Blog',
    notes: '',
    clips: [],
    takeaways: [{ id: 'k1', text: 'Ask what went well, and why.', createdAt: now - DAY }],
    tags: [],
    status: 'learned',
    learnedAt: now - 2000,
    createdAt: now - DAY,
    updatedAt: now - 2000,
  };
}

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A team chat on 127.0.0.1 (random port) that records what it is sent. */
async function startWebhookServer(): Promise<{
  server: Server;
  port: number;
  received: Received[];
  setStatus: (s: number) => void;
}> {
  const received: Received[] = [];
  let status = 204;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      response.writeHead(status, { 'Content-Type': 'text/plain' });
      response.end(status >= 400 ? 'server error' : '');
    });
  });
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  const { port } = server.address() as AddressInfo;
  return { server, port, received, setStatus: (s) => (status = s) };
}

let ext: Launched;
beforeEach(async () => {
  ext = await launch();
});
afterEach(async () => {
  await ext?.close();
});

describe('from reflection to action to follow-up', () => {
  it('turns a reflection into an action, asks about it when due, and records the effect', async () => {
    const library = await openLibrary(ext, '#actions');
    const now = Date.now();
    await putRecords(library, 'reflections', [
      {
        id: 'r1',
        promptId: 'went-less-well',
        promptText: 'What went less well this week?',
        answer: 'We planned the sprint without asking QA.',
        createdAt: now,
        updatedAt: now,
      },
    ]);

    await library.goto(extensionUrl(ext, 'library.html#actions?from=reflection:r1'));
    await library.getByText('We planned the sprint without asking QA.').first().waitFor();
    await library.getByLabel('What will you do differently?').fill('Invite QA to sprint planning');
    expect(await library.getByRole('radio', { name: /In a week/ }).isChecked()).toBe(true);
    await library.getByRole('button', { name: 'Save action' }).click();
    await library.getByRole('status').filter({ hasText: 'Action saved. You will be asked about it on' }).waitFor();

    const [saved] = await readStore<StoredAction>(library, 'actions');
    expect(saved).toMatchObject({
      text: 'Invite QA to sprint planning',
      status: 'open',
      source: { kind: 'reflection', id: 'r1', title: 'We planned the sprint without asking QA.' },
    });
    expect(saved!.followUpAt! - now).toBeGreaterThan(6 * DAY);
    expect(saved!.followUpAt! - now).toBeLessThan(8 * DAY);
    const open = library.getByRole('region', { name: /^Open/ });
    await open.getByText('Invite QA to sprint planning').waitFor();
    await open.getByText('From reflection:').waitFor();

    // Make it due two seconds from now; the background re-plans and its own alarm fires.
    await putRecords(library, 'actions', [{ ...saved, followUpAt: Date.now() + 2000 }]);
    await announce(library, 'actions');
    await expect
      .poll(() => notificationIds(ext), { timeout: 45_000, interval: 500 })
      .toEqual([`follow-up:${saved!.id}`]);
    await expect.poll(() => badgeText(ext)).toBe('!');

    const popup = await openPopup(ext, await openTab(ext, 'chrome://version/'));
    // What waits is named above the page's action; used, its card opens in place.
    await popup.locator('.waiting-strip').filter({ hasText: 'Follow-up: Invite QA to sprint planning' }).click();
    const card = popup.getByRole('region', { name: 'Follow-up' });
    await card.getByRole('group', { name: 'Did you do it?' }).waitFor();
    await card.getByText('Invite QA to sprint planning').waitFor();
    await card.getByText('We planned the sprint without asking QA.').waitFor();
    await card.getByLabel('What effect did it have?').fill('QA found two risks before we started.');
    await card.getByRole('button', { name: 'Yes, done' }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved as done.' }).waitFor();

    const [answered] = await readStore<StoredAction>(popup, 'actions');
    expect(answered).toMatchObject({ status: 'done', outcome: 'QA found two risks before we started.' });
    expect(answered!.doneAt).toBeGreaterThan(now);
    await expect.poll(() => badgeText(ext)).toBe('');
    await expect.poll(() => notificationIds(ext)).toEqual([]);

    // The library shows it as done, with its effect, and where it came from.
    const done = library.getByRole('region', { name: /^Done and dropped/ });
    await done.getByText('QA found two risks before we started.').waitFor();
    await done.getByText('From reflection:').waitFor();
    expect(await axeViolations(library)).toEqual([]);
  });
});

describe('sharing with the team', () => {
  let hook: Awaited<ReturnType<typeof startWebhookServer>>;
  beforeEach(async () => {
    hook = await startWebhookServer();
    // The harness refuses every request; the test's own chat server is let through.
    await ext.context.route(`http://127.0.0.1:${hook.port}/**`, (route) => route.continue());
  });
  afterEach(async () => {
    await new Promise((resolvePromise) => hook.server.close(resolvePromise));
  });

  it("builds the week's digest, posts it to the team's webhook, and keeps it when the post fails", async () => {
    const library = await openLibrary(ext, '#team');
    const now = Date.now();
    await putRecords(library, 'resources', [learnedResource(now), unsharedResource(now)]);
    await putRecords(library, 'actions', [
      {
        id: 'a1',
        text: 'Run a retro on how we collaborate',
        source: { kind: 'resource', id: 'talk', title: 'Systems thinking for teams' },
        status: 'done',
        outcome: 'We found two hand-off problems.',
        createdAt: now - 900,
        updatedAt: now - 800,
        doneAt: now - 800,
      },
    ]);
    await announce(library, 'resources');

    // Teach it forward: learned, not shared yet.
    const teach = library.getByRole('region', { name: 'Teach it forward' });
    await teach.getByRole('link', { name: 'Why most retros fail' }).waitFor();
    expect(await teach.getByText('Systems thinking for teams').count()).toBe(0);

    // The digest preview, this week by default.
    const digest = library.getByRole('region', { name: 'Team digest' });
    expect(await digest.getByLabel('Period').inputValue()).toBe('this-week');
    const preview = digest.getByRole('region', { name: 'Preview' });
    await expect
      .poll(() => preview.textContent())
      .toContain('## [Systems thinking for teams](https://www.youtube.com/watch?v=dQw4w9WgXcQ)');
    const markdown = (await preview.textContent())!;
    expect(markdown).toMatch(/^# What I learned: /);
    expect(markdown).toContain('Learned: 2 · Shared with the team: 1');
    expect(markdown).toContain('- Shared vision needs dialogue, not slides.\n- Ask before telling.');
    expect(markdown).toContain('- Run a retro on how we collaborate — done. Effect: We found two hand-off problems.');
    expect(markdown).toContain('## [Why most retros fail](https://blog.example.org/retros)');

    // The team's chat is set in one place, Settings, which the Team page links to.
    const teamChat = library.getByRole('region', { name: 'Team chat' });
    expect(await teamChat.getByRole('textbox').count()).toBe(0);
    await teamChat.getByRole('link', { name: 'Connect in Settings' }).click();
    await library.waitForFunction(() => location.hash === '#settings/team-chat');
    const chat = library.getByRole('region', { name: 'Team chat' });
    await expect.poll(() => library.evaluate(() => document.activeElement?.closest('section')?.id)).toBe('team-chat');
    // Save the webhook: afterwards the URL is only shown masked.
    const url = `http://127.0.0.1:${hook.port}/hooks/team-secret-token`;
    await chat.getByRole('textbox', { name: 'Webhook URL' }).fill(url);
    await chat.getByLabel('Chat service').selectOption('generic');
    await chat.getByRole('button', { name: 'Save webhook' }).click();
    await chat.getByText(`http://127.0.0.1:${hook.port}/…/oken`).waitFor();
    expect(await chat.getByRole('textbox', { name: 'Webhook URL' }).count()).toBe(0);
    expect(await library.locator('body').textContent()).not.toContain('team-secret-token');
    await library.goBack();
    await teamChat.getByText(`http://127.0.0.1:${hook.port}/…/oken`).waitFor();
    await teamChat.getByRole('link', { name: 'Change in Settings' }).waitFor();

    await digest.getByRole('button', { name: 'Post to team chat' }).click();
    await digest.getByRole('status').filter({ hasText: "Posted to your team's chat." }).waitFor();
    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    expect(request).toMatchObject({ method: 'POST', url: '/hooks/team-secret-token' });
    expect(request!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request!.body) as {
      title: string;
      text: string;
      markdown: string;
      items: {
        title: string;
        url: string;
        takeaways: string[];
        actions: { text: string; status: string; outcome: string }[];
      }[];
    };
    expect(body.title).toMatch(/^What I learned: /);
    expect(body.markdown).toBe(markdown);
    // In the order their work of the week began.
    expect(body.items.map((i) => i.title)).toEqual(['Systems thinking for teams', 'Why most retros fail']);
    expect(body.items[0]).toMatchObject({
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      takeaways: ['Shared vision needs dialogue, not slides.', 'Ask before telling.'],
      actions: [
        { text: 'Run a retro on how we collaborate', status: 'done', outcome: 'We found two hand-off problems.' },
      ],
    });

    // Slack gets its own mrkdwn, and the preview shows it when asked for what Slack gets.
    await teamChat.getByRole('link', { name: 'Change in Settings' }).click();
    await chat.getByLabel('Chat service').selectOption('slack');
    await chat.getByText('Chat service saved.').waitFor();
    await library.goBack();
    await digest.getByRole('radio', { name: 'What Slack gets' }).check();
    await expect
      .poll(() => preview.textContent())
      .toContain('*<https://www.youtube.com/watch?v=dQw4w9WgXcQ|Systems thinking for teams>*');
    await digest.getByRole('button', { name: 'Post to team chat' }).click();
    await expect.poll(() => hook.received.length).toBe(2);
    const slack = JSON.parse(hook.received[1]!.body) as { text: string };
    expect(slack.text).toBe(await preview.textContent());
    await digest.getByRole('radio', { name: 'Markdown (Copy and Download)' }).check();
    await expect.poll(() => preview.textContent()).toBe(markdown);

    // A failing chat service: the error shows, the digest stays.
    hook.setStatus(500);
    await digest.getByRole('button', { name: 'Post to team chat' }).click();
    await digest
      .getByRole('alert')
      .filter({ hasText: 'The chat service answered with an error (HTTP 500).' })
      .waitFor();
    expect(await preview.textContent()).toBe(markdown);
    expect(await digest.getByRole('button', { name: 'Copy' }).isEnabled()).toBe(true);

    // Posting a single resource from "Teach it forward" marks it shared in chat.
    hook.setStatus(204);
    await teach.getByRole('checkbox', { name: 'Why most retros fail' }).check();
    await teach.getByText('1 selected').waitFor();
    await teach.getByRole('button', { name: 'Post to team chat' }).click();
    await teach
      .getByRole('status')
      .filter({ hasText: "Posted to your team's chat and marked as shared: Why most retros fail" })
      .waitFor();
    expect(hook.received).toHaveLength(4);
    expect(JSON.parse(hook.received[3]!.body).text).toContain('*Something I learned*');
    await expect
      .poll(
        async () =>
          (await readStore<{ id: string; sharedHow?: string }>(library, 'resources')).find((r) => r.id === 'retro')
            ?.sharedHow,
      )
      .toBe('chat');
    await teach.getByText('Nothing waiting').waitFor();
    expect(await axeViolations(library)).toEqual([]);
  });

  it('refuses a URL that is not https and keeps what was typed', async () => {
    const library = await openLibrary(ext, '#settings');
    const chat = library.getByRole('region', { name: 'Team chat' });
    const box = chat.getByRole('textbox', { name: 'Webhook URL' });
    await box.fill('http://hooks.example.com/x');
    await chat.getByRole('button', { name: 'Save webhook' }).click();
    await chat.getByRole('alert').filter({ hasText: 'Only https://' }).waitFor();
    expect(await box.inputValue()).toBe('http://hooks.example.com/x');
  });
});

describe('the learning-environment check', () => {
  it('rates the seven conditions and shows each trend and the weakest one', async () => {
    const library = await openLibrary(ext, '#assessment');
    const now = Date.now();
    const scores = (n: number, weak: number) => ({
      'felt-need': n,
      cooperation: n,
      recognition: n,
      careers: weak,
      feedback: n,
      'new-ideas': n,
      'bottom-up': n,
    });
    await putRecords(library, 'assessments', [
      { id: 'old1', createdAt: now - 62 * DAY, updatedAt: now - 62 * DAY, scores: scores(3, 3) },
      {
        id: 'old2',
        createdAt: now - 31 * DAY,
        updatedAt: now - 31 * DAY,
        scores: scores(3, 2),
        note: 'A reorganisation is coming.',
      },
    ]);
    await library.reload();

    const form = library.getByRole('form', { name: "This month's check" });
    await form.waitFor();
    const groups = form.getByRole('group');
    expect(await groups.count()).toBe(7);
    await form.getByRole('button', { name: 'Save check' }).click();
    await form.getByRole('alert').filter({ hasText: 'Rate the conditions marked below before saving.' }).waitFor();
    // Each empty condition is marked where it is, not named in one long sentence.
    await expect.poll(() => form.locator('fieldset[aria-invalid="true"]').count()).toBe(7);
    expect(await groups.first().textContent()).toContain('Give this condition a score.');

    for (let i = 0; i < 7; i++)
      await groups
        .nth(i)
        .getByRole('radio', { name: i === 3 ? '2 A little' : '4 Mostly' })
        .check();
    await library
      .getByRole('group', { name: 'Welcome for new ideas and experiments' })
      .getByLabel('Note (optional)')
      .fill('We tried pair programming.');
    await form.getByRole('button', { name: 'Save check' }).click();
    await library.getByRole('status').filter({ hasText: 'Check saved.' }).waitFor();

    const stored = await readStore<{ scores: Record<string, number>; notes?: Record<string, string> }>(
      library,
      'assessments',
    );
    expect(stored).toHaveLength(3);
    const latest = stored.find((a) => a.notes)!;
    expect(latest.scores).toEqual(scores(4, 2));
    expect(latest.notes).toEqual({ 'new-ideas': 'We tried pair programming.' });

    const trends = library.getByRole('region', { name: 'How it develops' });
    await trends
      .getByRole('heading', { name: 'To talk about with your team: Horizontal as well as vertical careers' })
      .waitFor();
    const chart = trends.getByRole('img', { name: /^Felt need to change: 3 on .*, 3 on .*, 4 on / });
    await chart.waitFor();
    expect(await trends.getByRole('img').count()).toBe(7);
    expect(await axeViolations(library)).toEqual([]);

    // The weakest condition goes into the team digest, to talk about together…
    await trends.getByRole('button', { name: 'Add to the digest' }).click();
    await trends.getByRole('status').filter({ hasText: 'In the team digest' }).waitFor();
    await trends.getByRole('link', { name: 'See the digest' }).click();
    const preview = library.getByRole('region', { name: 'Team digest' }).getByRole('region', { name: 'Preview' });
    await expect
      .poll(() => preview.textContent())
      .toContain('**To talk about at the next team meeting: Horizontal as well as vertical careers (');
    await library.goBack();
    await trends.getByRole('button', { name: 'Take out of the digest' }).click();
    await trends.getByRole('button', { name: 'Add to the digest' }).waitFor();
    // …or into an action of one's own, starting from its words.
    await trends.getByRole('link', { name: 'Turn into an action' }).click();
    await expect
      .poll(() => library.getByLabel('What will you do differently?').inputValue())
      .toBe('Bring “Horizontal as well as vertical careers” to the next team meeting and agree on one thing to change');
  });
});

describe('the monthly check offer in the popup', () => {
  it('offers the check when it is due, and "Not now" puts it off', async () => {
    const worker = await currentWorker(ext);
    const now = Date.now();
    // The worker starts the monthly clock on its first run; wait for that, then move it back.
    await expect
      .poll(() =>
        worker.evaluate(
          async () =>
            (
              (await chrome.storage.local.get('assessmentSchedule')).assessmentSchedule as
                | { anchorAt: number | null }
                | undefined
            )?.anchorAt ?? null,
        ),
      )
      .not.toBeNull();
    await worker.evaluate(
      (anchorAt) =>
        chrome.storage.local.set({ assessmentSchedule: { anchorAt, snoozedUntil: null, notifiedDueAt: null } }),
      now - 8 * DAY,
    );
    const popup = await openPopup(ext, await openTab(ext, 'chrome://version/'));
    // As a page's command would: the background hears the schedule changed and marks the badge.
    await popup.evaluate(() =>
      chrome.runtime
        .sendMessage({
          id: 1,
          type: 'changed',
          data: { stores: [], ids: [], items: ['assessmentSchedule'] },
          timestamp: Date.now(),
        })
        .catch(() => undefined),
    );
    await popup.locator('.waiting-strip').filter({ hasText: 'Monthly check:' }).click();
    const offer = popup.getByRole('region', { name: 'Monthly check' });
    await offer.waitFor();
    expect(await offer.getByRole('link', { name: 'Start the check' }).getAttribute('href')).toBe(
      extensionUrl(ext, 'library.html#assessment'),
    );
    await offer.getByRole('button', { name: 'Not now' }).click();
    await offer.waitFor({ state: 'detached' });
    const stored = await worker.evaluate(
      async () => (await chrome.storage.local.get('assessmentSchedule')).assessmentSchedule as { snoozedUntil: number },
    );
    expect(stored.snoozedUntil).toBeGreaterThan(now + 6 * DAY);
  });
});

// Screenshots for reviewing the UI by eye: ACTIONS_SHOTS=/tmp/shots-actions.
describe.runIf(process.env.ACTIONS_SHOTS)('screenshots', () => {
  it.each([
    ['light', 'en-GB'],
    ['dark', 'en-GB'],
    ['light', 'sv-SE'],
  ] as const)(
    '%s %s',
    async (scheme, lang) => {
      await ext.close();
      // Swedish through the language setting (below): a browser started with --lang=sv here reports
      // sv from getUILanguage while its message bundle stays English.
      ext = await launch({ colorScheme: scheme });
      const dir = process.env.ACTIONS_SHOTS!;
      const sv = lang === 'sv-SE';
      const shot = (name: string) => join(dir, `${name}-${scheme}${sv ? '-sv' : ''}.png`);
      // The language setting, as a Swedish user would choose it in Settings.
      if (sv) await (await currentWorker(ext)).evaluate(() => chrome.storage.local.set({ language: 'sv' }));
      mkdirSync(dir, { recursive: true });
      const library = await openLibrary(ext, '#actions');
      const now = Date.now();
      await putRecords(library, 'resources', [learnedResource(now), unsharedResource(now)]);
      await putRecords(library, 'reflections', [
        {
          id: 'r1',
          promptId: 'p',
          promptText: 'What went less well this week?',
          answer: 'We planned the sprint without asking QA.',
          resourceId: 'retro',
          createdAt: now,
          updatedAt: now,
        },
      ]);
      await putRecords(library, 'actions', [
        {
          id: 'a1',
          text: 'Run a retro on how we collaborate',
          source: { kind: 'resource', id: 'talk', title: 'Systems thinking for teams' },
          status: 'done',
          outcome: 'We found two hand-off problems.',
          createdAt: now - 9 * DAY,
          updatedAt: now - DAY,
          doneAt: now - DAY,
        },
        {
          id: 'a2',
          text: 'Invite QA to sprint planning',
          source: { kind: 'reflection', id: 'r1', title: 'We planned the sprint without asking QA.' },
          status: 'open',
          followUpAt: now - 3600_000,
          createdAt: now - 7 * DAY,
          updatedAt: now - 7 * DAY,
        },
        {
          id: 'a3',
          text: 'Shadow a support colleague for a morning',
          source: { kind: 'resource', id: 'gone', title: 'Learning from customers (deleted talk)' },
          status: 'open',
          followUpAt: now + 12 * DAY,
          createdAt: now - DAY,
          updatedAt: now - DAY,
        },
        {
          id: 'a4',
          text: 'Write down our definition of done',
          source: { kind: 'none' },
          status: 'dropped',
          outcome: 'The team already had one.',
          createdAt: now - 20 * DAY,
          updatedAt: now - 5 * DAY,
          doneAt: now - 5 * DAY,
        },
      ]);
      const scores = (v: number[]) =>
        Object.fromEntries(
          ['felt-need', 'cooperation', 'recognition', 'careers', 'feedback', 'new-ideas', 'bottom-up'].map((id, i) => [
            id,
            v[i],
          ]),
        );
      await putRecords(library, 'assessments', [
        // The last check was over a month ago: the next one is due (form open, popup offer).
        { id: 's1', createdAt: now - 122 * DAY, updatedAt: now - 122 * DAY, scores: scores([3, 2, 2, 3, 2, 3, 2]) },
        { id: 's2', createdAt: now - 92 * DAY, updatedAt: now - 92 * DAY, scores: scores([4, 3, 2, 3, 3, 3, 2]) },
        { id: 's3', createdAt: now - 62 * DAY, updatedAt: now - 62 * DAY, scores: scores([4, 3, 3, 2, 4, 4, 3]) },
        {
          id: 's4',
          createdAt: now - 32 * DAY,
          updatedAt: now - 32 * DAY,
          scores: scores([5, 4, 3, 2, 4, 4, 3]),
          note: 'Reorganisation next quarter.',
        },
      ]);
      // Selectors here do not depend on the language: the same steps run in Swedish.
      await library.goto(extensionUrl(ext, 'library.html#actions?from=reflection:r1'));
      await library.reload();
      await library.locator('.action-item').first().waitFor();
      await library.screenshot({ path: shot('actions'), fullPage: true });

      await library.goto(extensionUrl(ext, 'library.html#team'));
      await library.locator('.digest-preview').getByText('Systems thinking').first().waitFor();
      await library
        .locator('.webhook-settings input[type="url"]')
        .fill('https://hooks.slack.com/services/T000/B000/XXXXabcd');
      await library.locator('.webhook-settings button[type="submit"]').click();
      await library.locator('.webhook-masked').waitFor();
      await library.screenshot({ path: shot('team'), fullPage: true });

      await library.goto(extensionUrl(ext, 'library.html#assessment'));
      await library.locator('#assessment-trends').waitFor();
      await library.locator('input[name="score-felt-need"][value="4"]').check();
      await library.screenshot({ path: shot('assessment'), fullPage: true });
      await library.locator('#assessment-trends').screenshot({ path: shot('trends') });

      await announce(library, 'actions');
      const worker = await currentWorker(ext);
      await worker.evaluate(
        (anchorAt) =>
          chrome.storage.local.set({ assessmentSchedule: { anchorAt, snoozedUntil: null, notifiedDueAt: null } }),
        now - 8 * DAY,
      );
      const popup = await openPopup(ext, await openTab(ext, 'chrome://version/'));
      await popup.locator('.waiting-strip').click();
      await popup.locator('.follow-up-card').waitFor();
      await popup.screenshot({ path: shot('popup-follow-up'), fullPage: true });
      await popup.locator('.follow-up-buttons .btn-primary').click();
      await popup.locator('#check-offer-heading').waitFor();
      await popup.screenshot({ path: shot('popup-offer'), fullPage: true });
    },
    180_000,
  );
});
