import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAction } from '../../../lib/app/actions';
import { ASSESSMENT_ALARM } from '../../../lib/background/names';
import { BACKUP_ALARM } from '../../../lib/background/names';
import { onNotificationButton } from '../../../lib/background/notification-buttons';
import { assessmentSchedule, language } from '../../../lib/settings';
import { readLocale } from '../../../scripts/locales';
import { settle, setNow, startBackground } from '../background-harness';

const T0 = new Date('2026-03-09T09:00:00Z').getTime();
const DAY = 86_400_000;

let stop: () => void = () => undefined;
afterEach(() => {
  stop();
  vi.useRealTimers();
});

const titles = async () =>
  Object.values(await fakeBrowser.notifications.getAll()).map((n) => (n as unknown as { title: string }).title);

describe('every notification speaks the chosen language, also from a worker woken cold', () => {
  beforeEach(async () => {
    setNow(T0);
    await language.setValue('sv');
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(readLocale('sv'))));
  });

  it('a follow-up that comes due', async () => {
    stop = startBackground({ asPage: true });
    await createAction({ text: 'Kör en retro', followUpAt: T0 - 1000 });
    await settle();
    expect(await titles()).toEqual(['Uppföljning: gjorde du det?']);
  });

  it('the monthly check, when its alarm wakes the worker', async () => {
    await assessmentSchedule.setValue({ anchorAt: T0 - 40 * DAY, snoozedUntil: null, notifiedDueAt: null });
    stop = startBackground();
    await settle();
    await fakeBrowser.alarms.onAlarm.trigger({ name: ASSESSMENT_ALARM, scheduledTime: T0 });
    await settle();
    expect(await titles()).toEqual(['Dags för månadens bedömning']);
  });

  it('the backup reminder, when its alarm wakes the worker', async () => {
    const { saveCapturedPage } = await import('../../../lib/app/resources');
    await saveCapturedPage(
      { url: 'https://blog.example.org/a', canonicalUrl: 'https://blog.example.org/a', kind: 'article', title: 'A' },
      {},
      T0 - 45 * DAY,
    );
    stop = startBackground();
    await settle();
    await fakeBrowser.alarms.onAlarm.trigger({ name: BACKUP_ALARM, scheduledTime: T0 });
    await settle();
    expect(await titles()).toEqual(['Dags att säkerhetskopiera Learning Loop']);
  });
});

describe('notification buttons', () => {
  it('are listened to where they exist, and not at all on Firefox (its event is a stub that logs)', () => {
    const listener = () => undefined;
    onNotificationButton(listener, true);
    expect(fakeBrowser.notifications.onButtonClicked.hasListener(listener)).toBe(false);
    onNotificationButton(listener, false);
    expect(fakeBrowser.notifications.onButtonClicked.hasListener(listener)).toBe(true);
  });
});
