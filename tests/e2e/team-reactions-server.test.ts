import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTeam, addUsers, type Couch, startCouch } from './couch';

// Reactions (#54) against the CouchDB-protocol server the other tests start, with this version's
// rules installed as team:setup installs them: a member reacts in their own name, and the server
// refuses a forged author, a wrong id and a comment of 1 MB, saying why.

let couch: Couch;

beforeAll(async () => {
  couch = await startCouch();
  await addUsers(couch, { alice: 'alice-pw', bob: 'bob-pw', chris: 'chris-pw' });
  await addTeam(couch, 'team-learning', ['alice', 'bob', 'chris']);
}, 60_000);

afterAll(async () => {
  await couch?.stop();
});

async function send(
  auth: string,
  method: 'PUT' | 'DELETE',
  id: string,
  doc?: Record<string, unknown>,
): Promise<{ status: number; body: { reason?: string; rev?: string } }> {
  const response = await fetch(`${couch.url}/team-learning/${encodeURIComponent(id)}`, {
    method,
    headers: { Authorization: `Basic ${Buffer.from(auth).toString('base64')}`, 'Content-Type': 'application/json' },
    ...(doc ? { body: JSON.stringify(doc) } : {}),
  });
  return { status: response.status, body: (await response.json()) as { reason?: string; rev?: string } };
}

const at = Date.UTC(2026, 11, 7);
const thanks = (author: string, id = `reaction/${author}/thanks/alice/talk`) => ({
  type: 'reaction',
  author,
  kind: 'thanks',
  item: 'shared/alice/talk',
  at,
  _id: id,
});

describe('the team database takes each member’s own reactions and refuses the rest', () => {
  it('bob thanks alice’s talk, chris comments, and bob takes his thanks back', async () => {
    const given = await send('bob:bob-pw', 'PUT', 'reaction/bob/thanks/alice/talk', thanks('bob'));
    expect(given.status).toBe(201);
    const comment = {
      type: 'reaction',
      author: 'chris',
      kind: 'comment',
      item: 'shared/alice/talk',
      at,
      text: 'Which tool did you use?',
    };
    expect((await send('chris:chris-pw', 'PUT', 'reaction/chris/comment/alice/talk/c1', comment)).status).toBe(201);
    const back = await fetch(
      `${couch.url}/team-learning/${encodeURIComponent('reaction/bob/thanks/alice/talk')}?rev=${given.body.rev}`,
      { method: 'DELETE', headers: { Authorization: `Basic ${Buffer.from('bob:bob-pw').toString('base64')}` } },
    );
    expect(back.status).toBe(200);
  });

  it('a reaction chris forges in bob’s name gets 403, with the reason', async () => {
    const forged = await send(
      'chris:chris-pw',
      'PUT',
      'reaction/bob/thanks/alice/other',
      thanks('bob', 'reaction/bob/thanks/alice/other'),
    );
    expect(forged.status).toBe(403);
    expect(forged.body.reason).toBe('A document must name you as its author.');
  });

  it('a wrong id and a comment of 1 MB are refused', async () => {
    const wrong = await send(
      'bob:bob-pw',
      'PUT',
      'reaction/bob/thanks/alice/elsewhere',
      thanks('bob', 'reaction/bob/thanks/alice/elsewhere'),
    );
    expect(wrong.status).toBe(403);
    expect(wrong.body.reason).toMatch(/reaction\/<your name>\/<kind>/);
    const huge = await send('chris:chris-pw', 'PUT', 'reaction/chris/comment/alice/talk/c2', {
      type: 'reaction',
      author: 'chris',
      kind: 'comment',
      item: 'shared/alice/talk',
      at,
      text: 'x'.repeat(1_000_000),
    });
    expect(huge.status).toBe(403);
    expect(huge.body.reason).toBe('A comment holds 1 to 1000 characters.');
  });
});
