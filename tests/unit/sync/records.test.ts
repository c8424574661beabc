import { describe, expect, it } from 'vitest';
import { checkRemoteDoc, docId, parseDocId } from '../../../lib/sync/records';
import { resource } from './devices';

const doc = (record: unknown, extra: Record<string, unknown> = {}) => ({
  _id: `resources/${(record as { id?: string }).id ?? 'x'}`,
  _rev: '1-abc',
  store: 'resources',
  record,
  ...extra,
});

describe('documents from the server are checked like an import', () => {
  it('a valid resource passes as it is', () => {
    const checked = checkRemoteDoc(doc(resource('r1')));
    expect(checked).toMatchObject({ ok: true, store: 'resources', id: 'r1' });
  });

  it.each([
    [
      'a javascript: address',
      { ...resource('r'), url: 'javascript:alert(1)', canonicalUrl: 'javascript:alert(1)' },
      'url',
    ],
    ['a data: thumbnail', { ...resource('r'), thumbnailUrl: 'data:text/html,<script>x</script>' }, 'thumbnailUrl'],
    ['an unknown field', { ...resource('r'), evil: true }, 'evil'],
    ['a wrong type', { ...resource('r'), notes: 42 }, 'notes'],
    ['a status nobody has', { ...resource('r'), status: 'hacked' }, 'status'],
    ['notes over the limit', { ...resource('r'), notes: 'x'.repeat(100_001) }, 'notes'],
  ])('%s is refused, naming the field', (_label, record, field) => {
    const checked = checkRemoteDoc(doc(record));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toContain(field);
  });

  it('HTML in a title passes as text (it is rendered as text, never as markup)', () => {
    const checked = checkRemoteDoc(doc({ ...resource('r'), title: '<img src=x onerror=alert(1)>' }));
    expect(checked.ok && (checked.record as { title: string }).title).toBe('<img src=x onerror=alert(1)>');
  });

  it('a 1 MB document is refused before its fields are read', () => {
    const checked = checkRemoteDoc(doc(resource('r'), { padding: 'x'.repeat(1_000_000) }));
    expect(checked).toEqual({ ok: false, id: 'resources/r', reason: 'too-large' });
  });

  it('__proto__ and constructor keys are refused', () => {
    const poisoned = JSON.parse(
      `{"_id":"resources/r","store":"resources","record":${JSON.stringify(resource('r')).replace('{', '{"__proto__":{"admin":true},')}}`,
    );
    expect(checkRemoteDoc(poisoned)).toMatchObject({ ok: false, reason: 'forbidden-field' });
    expect(({} as { admin?: boolean }).admin).toBeUndefined();
    const nested = doc({ ...resource('r'), clips: [{ constructor: { prototype: {} } }] });
    expect(checkRemoteDoc(nested)).toMatchObject({ ok: false, reason: 'forbidden-field' });
  });

  it('a document whose id and record disagree, or that names another store, is refused', () => {
    expect(checkRemoteDoc({ ...doc(resource('r')), _id: 'resources/other' })).toMatchObject({
      ok: false,
      reason: 'id-mismatch',
    });
    expect(checkRemoteDoc({ ...doc(resource('r')), store: 'actions' })).toMatchObject({
      ok: false,
      reason: 'wrong-store',
    });
    expect(checkRemoteDoc({ _id: 'secrets/r', store: 'secrets', record: {} })).toMatchObject({
      ok: false,
      reason: 'unknown-document',
    });
    expect(checkRemoteDoc(null)).toMatchObject({ ok: false, id: '?' });
  });

  it('document ids name a store and a record', () => {
    expect(docId('reviews', 'r1/takeaway/t1')).toBe('reviews/r1/takeaway/t1');
    expect(parseDocId('reviews/r1/takeaway/t1')).toEqual({ store: 'reviews', id: 'r1/takeaway/t1' });
    expect(parseDocId('_design/x')).toBeNull();
    expect(parseDocId('resources/')).toBeNull();
  });
});
