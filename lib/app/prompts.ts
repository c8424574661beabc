import * as store from '../db/prompts';
import type { CustomPrompt } from '../model/prompt';
import { committed } from './commit';
import { saveSetting } from './settings';
import { deleteWithUndo, type UndoOffer } from './undo';

/** The user's own prompts, and which built-in prompts are on. */
export { listCustomPrompts, type CustomPromptPatch } from '../db/prompts';

function announce(id: string): Promise<void> {
  return committed({ stores: ['prompts'], ids: [id] });
}

export async function addCustomPrompt(text: string, group: string, now = Date.now()): Promise<CustomPrompt> {
  const prompt = await store.addCustomPrompt(text, group, now);
  await announce(prompt.id);
  return prompt;
}

export async function editCustomPrompt(
  id: string,
  patch: store.CustomPromptPatch,
  now = Date.now(),
): Promise<CustomPrompt | undefined> {
  const updated = await store.updateCustomPrompt(id, patch, now);
  if (updated) await announce(id);
  return updated;
}

export function deleteCustomPrompt(id: string, now = Date.now()): Promise<UndoOffer | undefined> {
  return deleteWithUndo(
    {
      kind: 'prompt',
      remove: () => store.deleteCustomPrompt(id),
      restore: (removed) => store.restoreCustomPrompt(removed),
      announce: () => announce(id),
    },
    now,
  );
}

/** Built-in prompts the user turned off, by id. */
export async function setDisabledBuiltInPrompts(ids: string[]): Promise<void> {
  await saveSetting('disabledBuiltInPrompts', [...new Set(ids)]);
}
