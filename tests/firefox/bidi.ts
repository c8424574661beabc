import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

/**
 * Just enough WebDriver BiDi to drive a real Firefox: no geckodriver, no downloaded browser.
 * Firefox's remote agent speaks BiDi on a WebSocket; `webExtension.install` (Firefox 138+)
 * installs our unpacked build as a temporary add-on.
 */
export class Bidi {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        id?: number;
        type: 'success' | 'error' | 'event';
        result?: unknown;
        error?: string;
        message?: string;
        method?: string;
        params?: Record<string, unknown>;
      };
      if (message.type === 'event') {
        for (const listener of this.listeners.get(message.method ?? '') ?? []) listener(message.params ?? {});
        return;
      }
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id!);
      if (message.type === 'error') waiting.reject(new Error(`${message.error}: ${message.message}`));
      else waiting.resolve(message.result);
    });
  }

  static async connect(url: string): Promise<Bidi> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new Bidi(socket);
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
  }

  on(event: string, listener: (params: Record<string, unknown>) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  close(): void {
    this.socket.close();
  }
}

export function firefoxPath(): string | undefined {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  return candidates.find((path) => existsSync(path));
}

export interface Firefox {
  bidi: Bidi;
  /** moz-extension://<uuid>: fixed through a pref, so pages can be opened by address. */
  extensionOrigin: string;
  close: () => Promise<void>;
}

export async function launchFirefox(addonId: string): Promise<Firefox> {
  const binary = firefoxPath();
  if (!binary) throw new Error('No Firefox: install Debian firefox-esr or set FIREFOX_PATH');
  const profile = mkdtempSync(join(tmpdir(), 'learning-loop-firefox-'));
  const uuid = '3f0c2a9e-7b1d-4c5e-9a8f-1d2e3f4a5b6c';
  const prefs: Record<string, string | number | boolean> = {
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reporting.enabled': false,
    'app.update.disabledForTesting': true,
    'intl.locale.requested': 'en-GB',
  };
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
      .join('\n'),
  );
  const child: ChildProcess = spawn(
    binary,
    ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  // The remote agent prints its address once it listens: "WebDriver BiDi listening on ws://…".
  const address = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its remote agent:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stderr?.on('data', read);
    child.stdout?.on('data', read);
    child.once('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${output}`)));
  });
  const bidi = await Bidi.connect(`${address}/session`);
  await bidi.send('session.new', { capabilities: {} });
  return {
    bidi,
    extensionOrigin: `moz-extension://${uuid}`,
    close: async () => {
      await bidi.send('session.end').catch(() => undefined);
      bidi.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A tab at `url`, loaded. */
export async function openTab(bidi: Bidi, url: string): Promise<string> {
  const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
  await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
  return context;
}

/** Runs `expression` (an async function body's result) in the page and returns its JSON value. */
export async function evaluate<T>(bidi: Bidi, context: string, expression: string): Promise<T> {
  const result = await bidi.send<{
    type: 'success' | 'exception';
    result?: unknown;
    exceptionDetails?: { text: string };
  }>('script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type === 'exception') throw new Error(`In the page: ${result.exceptionDetails?.text}`);
  const value = result.result as { type: string; value?: string };
  return (value.value === undefined ? undefined : JSON.parse(value.value)) as T;
}

/** Polls until `check` returns something truthy; the last error or value says why not. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
}

/** A top-level tab whose address starts with `prefix` (e.g. one the extension opened itself). */
export async function findTab(bidi: Bidi, prefix: string): Promise<string | undefined> {
  const { contexts } = await bidi.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', {
    maxDepth: 0,
  });
  return contexts.find((context) => context.url.startsWith(prefix))?.context;
}
