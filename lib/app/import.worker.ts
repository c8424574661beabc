import { type FromImportHost, serveImport, type ToImportHost } from './import-host';

/** The settings page's import worker (lib/app/import-job.ts starts it; lib/app/import-host.ts serves). */
interface WorkerScope {
  postMessage(message: FromImportHost): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToImportHost>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

serveImport({
  post: (message) => scope.postMessage(message),
  listen: (receive) => scope.addEventListener('message', (event) => receive(event.data)),
});
