// A CouchDB-protocol server for tests and the benchmark: pouchdb-server from npm, in memory, in
// a temp dir, on 127.0.0.1 and a free port, with an admin (so every other request signs in).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN = 'admin:admin-secret';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts it and waits until it answers; `stop()` ends it and removes its folder. */
export async function startCouchServer() {
  const dir = mkdtempSync(join(tmpdir(), 'learning-loop-couch-'));
  const port = await freePort();
  let output = '';
  const child = spawn(
    process.execPath,
    [
      join(root, 'node_modules/pouchdb-server/bin/pouchdb-server'),
      '--in-memory',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || i > 300) {
      await stop();
      throw new Error(`pouchdb-server did not start: ${output}`);
    }
    const up = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const [name, password] = ADMIN.split(':');
  const made = await fetch(`${url}/_config/admins/${name}`, { method: 'PUT', body: JSON.stringify(password) });
  if (!made.ok) {
    await stop();
    throw new Error(`pouchdb-server gave no admin: ${made.status}`);
  }
  return { url, admin: ADMIN, stop };
}
