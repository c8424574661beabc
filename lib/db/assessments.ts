import { CONDITION_IDS } from '../model/assessment';
import { newId } from '../infra/ids';
import { capText, LIMITS } from '../infra/limits';
import { getDb, type LoopDatabase } from './open';
import type { Assessment } from '../model/assessment';

export interface AssessmentInput {
  scores: Record<string, number>;
  notes?: Record<string, string>;
  note?: string;
}

const NOTE_LIMIT = LIMITS.outcome;

/** Only known conditions, whole scores 1..5, non-empty capped notes. */
export function cleanAssessment(input: AssessmentInput): AssessmentInput {
  const scores: Record<string, number> = {};
  const notes: Record<string, string> = {};
  for (const id of CONDITION_IDS) {
    const score = input.scores[id];
    if (typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 5) scores[id] = score;
    const note = capText(input.notes?.[id]?.trim() ?? '', NOTE_LIMIT);
    if (note) notes[id] = note;
  }
  const out: AssessmentInput = { scores };
  if (Object.keys(notes).length) out.notes = notes;
  const note = capText(input.note?.trim() ?? '', NOTE_LIMIT);
  if (note) out.note = note;
  return out;
}

export async function saveAssessment(input: AssessmentInput, now = Date.now(), db?: LoopDatabase): Promise<Assessment> {
  const clean = cleanAssessment(input);
  const assessment: Assessment = { id: newId(), createdAt: now, updatedAt: now, ...clean };
  const database = db ?? (await getDb());
  await database.put('assessments', assessment);
  return assessment;
}

/** Oldest first: the order a trend reads in. */
export async function listAssessments(db?: LoopDatabase): Promise<Assessment[]> {
  return (db ?? (await getDb())).getAllFromIndex('assessments', 'createdAt');
}

export async function latestAssessment(db?: LoopDatabase): Promise<Assessment | undefined> {
  const database = db ?? (await getDb());
  const cursor = await database.transaction('assessments').store.index('createdAt').openCursor(null, 'prev');
  return cursor?.value;
}

export async function deleteAssessment(id: string, db?: LoopDatabase): Promise<Assessment | undefined> {
  const database = db ?? (await getDb());
  const tx = database.transaction('assessments', 'readwrite');
  const current = await tx.store.get(id);
  if (current) await tx.store.delete(id);
  await tx.done;
  return current;
}

export async function restoreAssessment(assessment: Assessment, db?: LoopDatabase): Promise<void> {
  const database = db ?? (await getDb());
  await database.put('assessments', assessment);
}
