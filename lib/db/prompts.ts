import { newId } from '../infra/ids';
import { capLine, LIMITS } from '../infra/limits';
import { getDb, type LoopDatabase } from './open';
import type { CustomPrompt } from '../model/prompt';

/** The user's own prompts, oldest first (the order they were written in). */
export async function listCustomPrompts(db?: LoopDatabase): Promise<CustomPrompt[]> {
  return (db ?? (await getDb())).getAllFromIndex('prompts', 'createdAt');
}

export async function addCustomPrompt(
  text: string,
  group: string,
  now = Date.now(),
  db?: LoopDatabase,
): Promise<CustomPrompt> {
  const clean = capLine(text, LIMITS.promptText);
  if (!clean) throw new Error('empty prompt');
  const prompt: CustomPrompt = {
    id: newId(),
    text: clean,
    group: capLine(group, 50) || 'own',
    enabled: true,
    createdAt: now,
    updatedAt: now,
  };
  await (db ?? (await getDb())).put('prompts', prompt);
  return prompt;
}

export interface CustomPromptPatch {
  text?: string;
  group?: string;
  enabled?: boolean;
}

export async function updateCustomPrompt(
  id: string,
  patch: CustomPromptPatch,
  now = Date.now(),
  db?: LoopDatabase,
): Promise<CustomPrompt | undefined> {
  const database = db ?? (await getDb());
  const tx = database.transaction('prompts', 'readwrite');
  const current = await tx.store.get(id);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next: CustomPrompt = { ...current, updatedAt: Math.max(now, current.updatedAt + 1) };
  if (patch.text !== undefined) next.text = capLine(patch.text, LIMITS.promptText) || current.text;
  if (patch.group !== undefined) next.group = capLine(patch.group, 50) || current.group;
  if (patch.enabled !== undefined) next.enabled = patch.enabled;
  await tx.store.put(next);
  await tx.done;
  return next;
}

export async function deleteCustomPrompt(id: string, db?: LoopDatabase): Promise<CustomPrompt | undefined> {
  const database = db ?? (await getDb());
  const tx = database.transaction('prompts', 'readwrite');
  const current = await tx.store.get(id);
  if (current) await tx.store.delete(id);
  await tx.done;
  return current;
}

export async function restoreCustomPrompt(prompt: CustomPrompt, db?: LoopDatabase): Promise<void> {
  await (db ?? (await getDb())).put('prompts', prompt);
}
