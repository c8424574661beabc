#!/usr/bin/env node
// Sets up a CouchDB server (or any server speaking its API) for Learning Loop: users, each
// user's own database where the server does not make them (couch_peruser), and the team
// database with its members (_security) and the validation document that lets each member
// write only their own documents. docs/TEAM-SPACE.md explains each step.
//
//   npm run team:setup -- --server https://couch.example.org --admin admin:secret \
//     --team team-learning --members alice,bob,chris [--users alice:pw1,bob:pw2] [--user-databases]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DESIGN_ID = '_design/learning-loop';

/** The caps every member's browser holds team documents to (lib/team/caps.json), and the rules' version. */
export function teamCaps() {
  return JSON.parse(readFileSync(join(root, 'lib/team/caps.json'), 'utf8'));
}

/** The validation function as CouchDB gets it: comments out, the caps written in where CAPS stands. */
export function validateSource() {
  const source = readFileSync(join(root, 'team/validate_doc_update.js'), 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .trim();
  if (!source.includes('var caps = CAPS;')) throw new Error('team/validate_doc_update.js has no `var caps = CAPS;`');
  return source.replace('var caps = CAPS;', `var caps = ${JSON.stringify(teamCaps())};`);
}

/** couch_peruser's name for a user's database. */
export function userDatabase(name) {
  return `userdb-${Buffer.from(name, 'utf8').toString('hex')}`;
}

async function call(server, auth, method, path, body) {
  const response = await fetch(`${server}${path}`, {
    method,
    headers: { Authorization: `Basic ${Buffer.from(auth).toString('base64')}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the message.
  }
  return { status: response.status, json, text };
}

async function ensureDatabase(server, auth, name) {
  const made = await call(server, auth, 'PUT', `/${encodeURIComponent(name)}`);
  if (made.status !== 201 && made.status !== 202 && made.status !== 412)
    throw new Error(`Could not create ${name}: ${made.status} ${made.text}`);
}

async function putDoc(server, auth, db, id, body) {
  const path = `/${encodeURIComponent(db)}/${id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice(8))}` : encodeURIComponent(id)}`;
  const current = await call(server, auth, 'GET', path);
  const rev = current.status === 200 ? current.json._rev : undefined;
  const written = await call(server, auth, 'PUT', path, { ...body, ...(rev ? { _rev: rev } : {}) });
  if (written.status !== 201 && written.status !== 202)
    throw new Error(`Could not write ${db}/${id}: ${written.status} ${written.text}`);
}

/** Each user, with a password (creating or updating), and their own database readable by them alone. */
export async function createUser(server, auth, name, password, { ownDatabase = true } = {}) {
  await ensureDatabase(server, auth, '_users');
  await putDoc(server, auth, '_users', `org.couchdb.user:${name}`, { name, password, roles: [], type: 'user' });
  if (!ownDatabase) return;
  const db = userDatabase(name);
  await ensureDatabase(server, auth, db);
  const security = await call(server, auth, 'PUT', `/${db}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: [name], roles: [] },
  });
  if (security.status !== 200) throw new Error(`Could not limit ${db} to ${name}: ${security.status} ${security.text}`);
}

/**
 * The team database: its members, and the rules of who writes what and how much. The design
 * document carries the rules' version, so a client that finds an older one asks for this step again.
 */
export async function setUpTeam(server, auth, team, members) {
  await ensureDatabase(server, auth, team);
  const security = await call(server, auth, 'PUT', `/${encodeURIComponent(team)}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: members, roles: [] },
  });
  if (security.status !== 200)
    throw new Error(`Could not set the members of ${team}: ${security.status} ${security.text}`);
  await putDoc(server, auth, team, DESIGN_ID, {
    validate_doc_update: validateSource(),
    rulesVersion: teamCaps().rulesVersion,
  });
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const key = arg.slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) args[key] = true;
    else {
      args[key] = next;
      i++;
    }
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.server || !args.admin || (!args.team && !args.users)) {
    console.error(
      'Usage: npm run team:setup -- --server URL --admin NAME:PASSWORD [--team DB --members a,b] [--users a:pw,b:pw] [--user-databases]',
    );
    process.exit(2);
  }
  const server = String(args.server).replace(/\/+$/, '');
  const auth = String(args.admin);
  for (const pair of args.users ? String(args.users).split(',') : []) {
    const at = pair.indexOf(':');
    const name = pair.slice(0, at);
    await createUser(server, auth, name, pair.slice(at + 1), { ownDatabase: Boolean(args['user-databases']) });
    console.log(`User ${name}${args['user-databases'] ? ` with database ${userDatabase(name)}` : ''}`);
  }
  if (args.team) {
    const members = args.members ? String(args.members).split(',').filter(Boolean) : [];
    await setUpTeam(server, auth, String(args.team), members);
    console.log(`Team database ${args.team}: members ${members.join(', ') || '(none yet)'}, validation installed`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
