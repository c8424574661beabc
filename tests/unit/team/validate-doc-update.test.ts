import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The team database's validation function, as CouchDB runs it: source text, evaluated. */
const source = readFileSync(resolve(import.meta.dirname, '../../../team/validate_doc_update.js'), 'utf8');
// eslint-disable-next-line no-new-func -- CouchDB evaluates the same text
const validate = new Function(`return (${source.replace(/^\s*\/\/.*$/gm, '')});`)() as (
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
    ['an admin repairs anything', { ...item('alice'), title: 'fixed' }, item('alice'), admin, 'allowed'],
  ])('%s: %s', (_label, newDoc, oldDoc, user, expected) => {
    expect(outcome(newDoc as Record<string, unknown>, oldDoc as Record<string, unknown> | null, user)).toBe(expected);
  });
});
