// google.script.run as the sidebar sees it, over any transport: the tests call the bundle in-process, the
// playground's sidebar page posts to its server (playground/script-run-page.ts). Arguments and results go
// through JSON, as they cross the real bridge (Dates become strings, functions vanish).

import type { ScriptRun } from '../src/sidebar/bridge';

/** Runs the named server function with the arguments; rejects with the server's error. */
export type Transport = (name: string, args: unknown[]) => Promise<unknown>;

const viaJson = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/**
 * The `google.script.run` object: `withSuccessHandler` and `withFailureHandler` return a new runner (as in
 * Apps Script, handlers belong to one chain), and any other property is a server function to call.
 */
export function scriptRun(transport: Transport): ScriptRun {
  const runner = (success?: (value: unknown) => void, failure?: (error: Error) => void): ScriptRun =>
    new Proxy({} as ScriptRun, {
      get(_, name) {
        // `then` would make the runner look like a promise to `await`; symbols are not server functions.
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (name === 'withSuccessHandler') return (f: typeof success) => runner(f, failure);
        if (name === 'withFailureHandler') return (f: typeof failure) => runner(success, f);
        return (...args: unknown[]) => {
          let sent: unknown[];
          try {
            sent = viaJson(args) as unknown[];
          } catch (error) {
            failure?.(error as Error);
            return;
          }
          transport(name, sent).then(
            (result) => success?.(viaJson(result)),
            // Duck-typed: an error from another realm (the bundle in node:vm) is no `instanceof Error` here.
            (error: unknown) => failure?.(typeof (error as Error)?.message === 'string' ? (error as Error) : new Error(String(error))),
          );
        };
      },
    });
  return runner();
}

/** google.script.run backed by a function called in this process, answering on a later task as the real one does. */
export function fakeScriptRun(call: (name: string, ...args: unknown[]) => unknown): () => ScriptRun {
  const run = scriptRun(
    (name, args) =>
      new Promise((resolve, reject) => {
        setTimeout(() => {
          try {
            resolve(call(name, ...args));
          } catch (error) {
            reject(error);
          }
        }, 0);
      }),
  );
  return () => run;
}
