import { describe, expect, it } from 'vitest';
import { validateSource } from '../../../scripts/team-setup.mjs';

/** The team database's validation function, as team:setup installs it and CouchDB runs it: source text, evaluated. */
// eslint-disable-next-line no-new-func -- CouchDB evaluates the same text
const validate = new Function(`return (${validateSource()});`)() as (
  newDoc: Record<string, unknown>,
  oldDoc: Record<string, unknown> | null,
  userCtx: { name: string | null; roles: string[] },
) => void;

const alice: { name: string; roles: string[] } = { name: 'alice', roles: [] };
const bob: { name: string; roles: string[] } = { name: 'bob', roles: [] };
const admin = { name: 'root', roles: ['_admin'] };
const item = (author: string, id = `shared/${author}/r1`) => ({
  _id: id,
  type: 'shared',
  author,
  title: 'A talk',
  sharedAt: 1,
});

function outcome(newDoc: Record<string, unknown>, oldDoc: Record<string, unknown> | null, user: typeof alice): string {
  try {
    validate(newDoc, oldDoc, user);
    return 'allowed';
  } catch (error) {
    return (error as { forbidden?: string }).forbidden ? 'forbidden' : 'threw';
  }
}

describe('the team database lets each member write only their own documents', () => {
  it.each([
    ['alice publishes her item', item('alice'), null, alice, 'allowed'],
    ['alice updates her item', item('alice'), item('alice'), alice, 'allowed'],
    ['alice unpublishes her item', { _id: 'shared/alice/r1', _deleted: true }, item('alice'), alice, 'allowed'],
    [
      'alice shares her check',
      { _id: 'check/alice', type: 'check', author: 'alice', scores: {} },
      null,
      alice,
      'allowed',
    ],
    ['bob changes alice’s item', { ...item('alice'), title: 'mine now' }, item('alice'), bob, 'forbidden'],
    ['bob takes over alice’s item as his', item('bob', 'shared/alice/r1'), item('alice'), bob, 'forbidden'],
    ['bob deletes alice’s item', { _id: 'shared/alice/r1', _deleted: true }, item('alice'), bob, 'forbidden'],
    ['bob writes an item naming alice', item('alice'), null, bob, 'forbidden'],
    ['bob puts his item under alice’s name', item('bob', 'shared/alice/r2'), null, bob, 'forbidden'],
    [
      'bob writes alice’s check',
      { _id: 'check/alice', type: 'check', author: 'bob', scores: {} },
      null,
      bob,
      'forbidden',
    ],
    ['a member changes the rules', { _id: '_design/learning-loop', validate_doc_update: '' }, null, alice, 'forbidden'],
    ['a document of another kind', { _id: 'x', type: 'note', author: 'alice' }, null, alice, 'forbidden'],
    [
      'an item without a title',
      { _id: 'shared/alice/r1', type: 'shared', author: 'alice', sharedAt: 1 },
      null,
      alice,
      'forbidden',
    ],
    [
      'an item with an attachment',
      { ...item('alice'), _attachments: { 'big.bin': { data: 'AAAA' } } },
      null,
      alice,
      'forbidden',
    ],
    [
      'a check with 70 MB of scores',
      { _id: 'check/alice', type: 'check', author: 'alice', scores: { x: 'y'.repeat(200_001) } },
      null,
      alice,
      'forbidden',
    ],
    ['an admin repairs anything', { ...item('alice'), title: 'fixed' }, item('alice'), admin, 'allowed'],
  ])('%s: %s', (_label, newDoc, oldDoc, user, expected) => {
    expect(outcome(newDoc as Record<string, unknown>, oldDoc as Record<string, unknown> | null, user)).toBe(expected);
  });
});

describe('the team database holds every document to the caps', () => {
  it('refuses a check of more than 200,000 bytes', () => {
    const check = { _id: 'check/alice', type: 'check', author: 'alice', scores: { x: 'y'.repeat(200_001) } };
    expect(outcome(check, null, alice)).toBe('forbidden');
    expect(outcome({ ...check, scores: { x: 'y'.repeat(1000) } }, null, alice)).toBe('allowed');
  });
});
