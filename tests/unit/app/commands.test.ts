import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerFollowUp, createAction, deleteAction, editAction } from '../../../lib/app/actions';
import {
  deleteAssessment,
  saveAssessment,
  setAssessmentReminder,
  snoozeAssessment,
} from '../../../lib/app/assessments';
import { dismissBackupReminder, exportEverything } from '../../../lib/app/backup';
import { onStoreChange } from '../../../lib/app/live';
import {
  addCustomPrompt,
  deleteCustomPrompt,
  editCustomPrompt,
  setDisabledBuiltInPrompts,
} from '../../../lib/app/prompts';
import { answerPrompt, deleteReflection, editReflection, skipDuePrompt } from '../../../lib/app/reflections';
import { deleteResources, editResource, editResources, saveCapturedPage } from '../../../lib/app/resources';
import { saveSetting } from '../../../lib/app/settings';
import { undo } from '../../../lib/app/undo';
import type { Change } from '../../../lib/messaging';
import * as messaging from '../../../lib/messaging-transport';
import { lastExportAt } from '../../../lib/settings';

const page = {
  url: 'https://blog.example.org/a',
  canonicalUrl: 'https://blog.example.org/a',
  kind: 'article' as const,
  title: 'A',
};

/** The message transport loads with a page's first write: let a send under way reach it. */
async function messagesSent(): Promise<void> {
  await import('../../../lib/messaging-transport');
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** What the commands announce to open pages and send to the background, in order. */
function record() {
  const announced: string[] = [];
  const sent: Change[] = [];
  const stop = onStoreChange((change) => announced.push(change.store));
  vi.spyOn(messaging, 'sendMessage').mockImplementation((async (_type: string, change: Change) => {
    sent.push(change);
  }) as typeof messaging.sendMessage);
  return { announced, sent, stop };
}

let stopRecording: () => void = () => undefined;
afterEach(() => stopRecording());

describe('the application layer', () => {
  it('every resource write announces it to open pages; typing tells the background once a minute, not per keystroke', async () => {
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
    const seen = record();
    stopRecording = seen.stop;
    const { resource } = await saveCapturedPage(page);
    await editResource(resource.id, { notes: 'a' });
    await editResources([resource.id], { status: 'learned' });
    const offer = await deleteResources([resource.id]);
    await undo(offer!.id);
    expect(seen.announced).toEqual(['resources', 'resources', 'resources', 'resources', 'resources']);
    // The first change, for the automatic snapshot; the rest of that minute is covered by it.
    expect(seen.sent).toEqual([{ stores: ['resources'], ids: [resource.id], items: [] }]);
    vi.setSystemTime(new Date('2026-12-01T10:00:59Z'));
    await editResource(resource.id, { notes: 'ab' });
    await messagesSent();
    expect(seen.sent).toHaveLength(1);
    vi.setSystemTime(new Date('2026-12-01T10:01:01Z'));
    await editResource(resource.id, { notes: 'abc' });
    await messagesSent();
    expect(seen.sent).toHaveLength(2);
    vi.useRealTimers();
  });

  it('a command is done when the message is handed over, not when a stopped worker has started and answered', async () => {
    const sent: Change[] = [];
    vi.spyOn(messaging, 'sendMessage').mockImplementation(((_type: string, change: Change) => {
      sent.push(change);
      return new Promise(() => undefined);
    }) as typeof messaging.sendMessage);
    const action = await createAction({ text: 'Pair on Fridays', followUpAt: Date.now() + 60_000 });
    await editAction(action.id, { text: 'Pair on Fridays, 1 h' });
    expect(sent.map((c) => c.stores)).toEqual([['actions'], ['actions']]);
  });

  it('actions, assessments and prompts tell the background, which owns their alarms and badge', async () => {
    const seen = record();
    stopRecording = seen.stop;
    const action = await createAction({ text: 'Pair on Fridays', followUpAt: Date.now() + 60_000 });
    await editAction(action.id, { text: 'Pair on Fridays, 1 h' });
    await answerFollowUp(action.id, { result: 'done', outcome: 'Fewer handovers' });
    await deleteAction(action.id);
    const assessment = await saveAssessment({ scores: { 'felt-need': 3 } });
    await deleteAssessment(assessment.id);
    await setAssessmentReminder(false);
    await snoozeAssessment();
    const prompt = await addCustomPrompt('What surprised you?', 'own');
    await editCustomPrompt(prompt.id, { enabled: false });
    await deleteCustomPrompt(prompt.id);
    await setDisabledBuiltInPrompts(['followUpWentWell']);
    expect(seen.sent.map((c) => [...c.stores, ...c.items].join('+'))).toEqual([
      'actions',
      'actions',
      'actions',
      'actions',
      'assessments',
      'assessments',
      'assessmentReminder',
      'assessmentSchedule',
      'prompts',
      'prompts',
      'prompts',
      'disabledBuiltInPrompts',
    ]);
    expect(seen.announced).toEqual([
      'actions',
      'actions',
      'actions',
      'actions',
      'assessments',
      'assessments',
      'prompts',
      'prompts',
      'prompts',
    ]);
  });

  it('answering or skipping the due prompt, settings, export and the backup card tell the background', async () => {
    const seen = record();
    stopRecording = seen.stop;
    const reflection = await answerPrompt({ promptId: 'followUpWentWell', group: 'followUp', kind: 'builtIn' }, 'x');
    await editReflection(reflection.id, 'y');
    await deleteReflection(reflection.id);
    await skipDuePrompt();
    await saveSetting('language', 'sv');
    await saveSetting('showThumbnails', false);
    await exportEverything({}, document);
    await dismissBackupReminder();
    // Reflections alone concern no alarm: only the due prompt, language, export and the card do
    // (and the first change of the minute, for the automatic snapshot).
    expect(seen.sent.map((c) => c.items.join('+') || c.stores.join('+'))).toEqual([
      'reflections',
      'duePrompt',
      'language',
      'lastExportAt',
      'backupReminder',
    ]);
    expect(seen.announced).toEqual(['reflections', 'reflections', 'reflections']);
    expect(await lastExportAt.getValue()).not.toBeNull();
  });
});
