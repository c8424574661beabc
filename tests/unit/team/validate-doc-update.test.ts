import { describe, expect, it } from 'vitest';
import { checkTeamDocWhy } from '../../../lib/team/documents';
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

describe('reactions (rules version 3): each member writes only their own, within the caps', () => {
  const reaction = (author: string, fields: Record<string, unknown> = {}) => ({
    _id: `reaction/${author}/thanks/alice/r1`,
    type: 'reaction',
    author,
    kind: 'thanks',
    item: 'shared/alice/r1',
    at: Date.UTC(2026, 11, 7),
    ...fields,
  });
  const comment = (author: string, text: string, fields: Record<string, unknown> = {}) =>
    reaction(author, { _id: `reaction/${author}/comment/alice/r1/c-1`, kind: 'comment', text, ...fields });
  const chris = { name: 'chris', roles: [] as string[] };

  const cases: [string, Record<string, unknown>, Record<string, unknown> | null, typeof alice, string][] = [
    ['bob thanks alice’s item', reaction('bob'), null, bob, 'allowed'],
    [
      'bob says he is trying it',
      reaction('bob', { _id: 'reaction/bob/trying/alice/r1', kind: 'trying' }),
      null,
      bob,
      'allowed',
    ],
    [
      'bob tried it, with what happened',
      reaction('bob', { _id: 'reaction/bob/tried/alice/r1', kind: 'tried', effect: 'Retros got shorter' }),
      null,
      bob,
      'allowed',
    ],
    ['chris comments', comment('chris', 'How long did it take?'), null, chris, 'allowed'],
    ['a comment of 1,000 characters', comment('chris', 'x'.repeat(1000)), null, chris, 'allowed'],
    ['chris forges a thanks in bob’s name', reaction('bob'), null, chris, 'forbidden'],
    [
      'chris puts his thanks under bob’s id',
      reaction('chris', { _id: 'reaction/bob/thanks/alice/r1' }),
      null,
      chris,
      'forbidden',
    ],
    ['chris changes bob’s comment', comment('bob', 'changed'), comment('bob', 'mine'), chris, 'forbidden'],
    [
      'chris deletes bob’s thanks',
      { _id: 'reaction/bob/thanks/alice/r1', _deleted: true },
      reaction('bob'),
      chris,
      'forbidden',
    ],
    [
      'bob takes back his thanks',
      { _id: 'reaction/bob/thanks/alice/r1', _deleted: true },
      reaction('bob'),
      bob,
      'allowed',
    ],
    ['an id for another item', reaction('bob', { _id: 'reaction/bob/thanks/alice/r2' }), null, bob, 'forbidden'],
    ['an id of another kind', reaction('bob', { _id: 'reaction/bob/tried/alice/r1' }), null, bob, 'forbidden'],
    [
      'a kind nobody knows',
      reaction('bob', { _id: 'reaction/bob/like/alice/r1', kind: 'like' }),
      null,
      bob,
      'forbidden',
    ],
    ['an item that is not shared/<author>/<id>', reaction('bob', { item: 'check/alice' }), null, bob, 'forbidden'],
    [
      'an item with a slash too many',
      reaction('bob', { item: 'shared/alice/r1/x', _id: 'reaction/bob/thanks/alice/r1/x' }),
      null,
      bob,
      'forbidden',
    ],
    ['no time', reaction('bob', { at: 'now' }), null, bob, 'forbidden'],
    ['a comment of 1,001 characters', comment('chris', 'x'.repeat(1001)), null, chris, 'forbidden'],
    ['a comment of 1 MB', comment('chris', 'x'.repeat(1_000_000)), null, chris, 'forbidden'],
    ['an empty comment', comment('chris', ''), null, chris, 'forbidden'],
    [
      'a comment id with a slash',
      comment('chris', 'hi', { _id: 'reaction/chris/comment/alice/r1/a/b' }),
      null,
      chris,
      'forbidden',
    ],
    ['text on a thanks', reaction('bob', { text: 'hi' }), null, bob, 'forbidden'],
    ['an effect on a thanks', reaction('bob', { effect: 'hi' }), null, bob, 'forbidden'],
    [
      'an effect of 1,001 characters',
      reaction('bob', { _id: 'reaction/bob/tried/alice/r1', kind: 'tried', effect: 'x'.repeat(1001) }),
      null,
      bob,
      'forbidden',
    ],
    ['a field reactions do not have', reaction('bob', { junk: 'x'.repeat(100_000) }), null, bob, 'forbidden'],
  ];

  it.each(cases)('%s', (_label, newDoc, oldDoc, user, expected) => {
    expect(outcome(newDoc, oldDoc, user)).toBe(expected);
  });

  it.each(cases.filter(([, doc]) => !doc._deleted))(
    'every browser takes what the server takes from its author, and refuses the rest: %s',
    (_label, newDoc) => {
      const author = { name: String(newDoc.author), roles: [] as string[] };
      const checked = checkTeamDocWhy(newDoc);
      expect(checked.ok).toBe(outcome(newDoc, null, author) === 'allowed');
    },
  );
});
