import { describe, expect, it } from 'vitest';
import {
  checkServer,
  classifyError,
  parseServer,
  perUserDatabase,
  serverBase,
  SyncError,
} from '../../../lib/sync/remote';

describe('the server address', () => {
  it.each([
    ['https://couch.example.org', 'https://couch.example.org'],
    ['https://couch.example.org/couchdb/', 'https://couch.example.org/couchdb'],
    ['http://localhost:5984', 'http://localhost:5984'],
    ['http://127.0.0.1:5984/', 'http://127.0.0.1:5984'],
    ['http://couch.example.org', null],
    ['https://user:pw@couch.example.org', null],
    ['ftp://couch.example.org', null],
    ['javascript:alert(1)', null],
    ['couch.example.org', null],
  ])('%s → %s', (input, expected) => {
    const url = parseServer(input);
    expect(url ? serverBase(url) : null).toBe(expected);
  });

  it("names a user's own database as couch_peruser does", () => {
    expect(perUserDatabase('alice')).toBe('userdb-616c696365');
    expect(perUserDatabase('åsa')).toBe('userdb-c3a57361');
  });
});

/** A server that answers each path as the table says (status and JSON body). */
function server(routes: Record<string, [number, unknown]>) {
  return async (url: string) => {
    const path = new URL(url).pathname;
    const [status, body] = routes[path] ?? [404, { error: 'not_found' }];
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
}
const good = {
  '/_session': [200, { ok: true, userCtx: { name: 'alice', roles: [] } }],
  '/userdb-616c696365': [200, { db_name: 'userdb-616c696365' }],
  '/userdb-616c696365/_revs_diff': [200, {}],
  '/team': [200, { db_name: 'team' }],
  '/team/_revs_diff': [200, {}],
} satisfies Record<string, [number, unknown]>;

const check = (routes: Record<string, [number, unknown]>, team: string | null = 'team') =>
  checkServer('https://couch.example.org', 'alice', 'pw', { own: 'userdb-616c696365', team }, server(routes));

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof SyncError ? error.kind : 'other';
  }
}

describe('checking a server before anything is sent', () => {
  it('signs in, finds both databases and the replication API', async () => {
    expect(await check(good)).toEqual({ team: null });
  });

  it.each<[string, Record<string, [number, unknown]>, string]>([
    ['a refused password', { '/_session': [401, { error: 'unauthorized' }] }, 'signed-out'],
    ['a session for someone else', { '/_session': [200, { userCtx: { name: null, roles: [] } }] }, 'signed-out'],
    ['no such database', { '/userdb-616c696365': [404, { error: 'not_found' }] }, 'no-database'],
    [
      'no _revs_diff (not a CouchDB)',
      { '/userdb-616c696365/_revs_diff': [404, { error: 'not_found' }] },
      'no-replication',
    ],
    ['a _revs_diff that answers no map', { '/userdb-616c696365/_revs_diff': [200, []] }, 'no-replication'],
    ['a server down', { '/_session': [503, {}] }, 'unreachable'],
  ])('%s: %s', async (_label, change, kind) => {
    expect(await kindOf(check({ ...good, ...change }))).toBe(kind);
  });

  it('a team database that refuses the user: their own sync still connects, the team part says not a member', async () => {
    expect(await check({ ...good, '/team': [403, { error: 'forbidden' }] })).toEqual({ team: 'not-member' });
    expect(await check({ ...good, '/team': [401, { error: 'unauthorized' }] })).toEqual({ team: 'not-member' });
  });

  it('a network failure is "unreachable", and errors with a status say what they mean', async () => {
    const down = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await kindOf(checkServer('https://x.example', 'a', 'b', { own: 'd', team: null }, down))).toBe(
      'unreachable',
    );
    expect(classifyError({ status: 401 })).toBe('signed-out');
    expect(classifyError({ status: 403 }, true)).toBe('not-member');
    expect(classifyError({ status: 404 })).toBe('no-database');
    expect(classifyError(new TypeError('Failed to fetch'))).toBe('unreachable');
  });
});
