import {
  type ClientRequest,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { startCouchServer } from '../../scripts/couch-server.mjs';
import { createUser, setUpTeam } from '../../scripts/team-setup.mjs';

/**
 * A real CouchDB-protocol server for the sync tests: pouchdb-server from npm (CouchDB's HTTP and
 * replication API over PouchDB), in memory, in a temp dir, on 127.0.0.1, started and stopped
 * by the test itself. It enforces users, `_security` members and `validate_doc_update`.
 */
export interface Couch {
  url: string;
  admin: string;
  stop(): Promise<void>;
}

/** Started and stopped by the test itself (scripts/couch-server.mjs, shared with the benchmark). */
export function startCouch(): Promise<Couch> {
  return startCouchServer();
}

export async function addUsers(couch: Couch, users: Record<string, string>): Promise<void> {
  for (const [name, password] of Object.entries(users)) await createUser(couch.url, couch.admin, name, password);
}

export async function addTeam(couch: Couch, team: string, members: string[]): Promise<void> {
  await setUpTeam(couch.url, couch.admin, team, members);
}

export async function adminGet<T = unknown>(couch: Couch, path: string): Promise<T> {
  const response = await fetch(`${couch.url}${path}`, {
    headers: { Authorization: `Basic ${Buffer.from(couch.admin).toString('base64')}` },
  });
  return (await response.json()) as T;
}

/** Sends a request on to the server behind a test's proxy and its answer back; returns the upstream request. */
export function forward(req: IncomingMessage, res: ServerResponse, to: URL): ClientRequest {
  const upstream = httpRequest(
    { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  return upstream;
}

/**
 * A proxy in front of the server that can cut the connection in the middle of a sync: after
 * `cutAfterDocs` documents have gone up in `_bulk_docs` requests, that request's socket is
 * destroyed and every later one refused, until `restore()`. Counting documents, not time, makes
 * the cut land mid-sync every run.
 */
export interface CuttingProxy {
  url: string;
  docsUp: number;
  cutAfterDocs: number | null;
  cut: boolean;
  restore(): void;
  stop(): Promise<void>;
}

export async function startProxy(target: string): Promise<CuttingProxy> {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  const state: CuttingProxy = {
    url: '',
    docsUp: 0,
    cutAfterDocs: null,
    cut: false,
    restore: () => {
      state.cut = false;
      state.cutAfterDocs = null;
    },
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server: Server = createServer((req: IncomingMessage, res) => {
    if (state.cut) {
      req.socket.destroy();
      return;
    }
    const chunks: Uint8Array[] = [];
    req.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url?.includes('/_bulk_docs')) {
        let docs = 0;
        try {
          docs = (JSON.parse(body.toString()) as { docs?: unknown[] }).docs?.length ?? 0;
        } catch {
          // Not JSON: forwarded as it is.
        }
        if (state.cutAfterDocs !== null && state.docsUp + docs > state.cutAfterDocs) {
          state.cut = true;
          req.socket.destroy();
          return;
        }
        state.docsUp += docs;
      }
      forward(req, res, to).end(body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
