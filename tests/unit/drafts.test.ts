import { describe, expect, it, vi } from 'vitest';
import { clearDraft, readDraft, writeDraft } from '../../lib/pages/drafts';

describe('popup drafts', () => {
  it('are written synchronously: a popup that closes right after the keystroke has already kept it', () => {
    writeDraft('https://blog.example.org/a', { note: 'pasted at once' });
    // No await between the input and the check: what a closing popup leaves behind.
    const stored = JSON.parse(localStorage.getItem('learning-loop:popup-drafts')!);
    expect(stored['https://blog.example.org/a'].note).toBe('pasted at once');
    expect(readDraft('https://blog.example.org/a')).toEqual({ note: 'pasted at once', tags: '', answer: '' });
  });

  it('never evict the reflection answer for page drafts; the oldest page drafts go first', () => {
    writeDraft('', { answer: 'Half a thought', answerPromptId: 'followUpWentWell' });
    for (let i = 0; i < 40; i++) writeDraft(`https://blog.example.org/${i}`, { note: `note ${i}` });
    expect(readDraft('').answer).toBe('Half a thought');
    expect(readDraft('https://blog.example.org/39').note).toBe('note 39');
    expect(readDraft('https://blog.example.org/0').note).toBe('');
    const kept = Object.keys(JSON.parse(localStorage.getItem('learning-loop:popup-drafts')!));
    expect(kept.length).toBe(21); // 20 page drafts and the answer
  });

  it('an emptied draft goes; clearing keeps the other fields', () => {
    writeDraft('k', { note: 'n', tags: 't' });
    clearDraft('k', ['note']);
    expect(readDraft('k')).toEqual({ note: '', tags: 't', answer: '' });
    clearDraft('k', ['tags']);
    expect(Object.keys(JSON.parse(localStorage.getItem('learning-loop:popup-drafts')!))).toEqual([]);
  });

  it('a damaged store reads as no drafts, never an error', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    localStorage.setItem('learning-loop:popup-drafts', '{"k": {"note": 5}}');
    expect(readDraft('k')).toEqual({ note: '', tags: '', answer: '' });
    localStorage.setItem('learning-loop:popup-drafts', 'not json');
    expect(readDraft('k')).toEqual({ note: '', tags: '', answer: '' });
    expect(warn).toHaveBeenCalled();
  });
});
