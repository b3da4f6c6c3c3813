// The one bridge from the sidebar to the server: `server.saveCriteria(draft)` returns a Promise, and its
// name, arguments and result are typed from the server module, so a renamed server function breaks the
// build instead of the sidebar.

import type { starterDraft } from '../addon/actions';
import type { criteriaSql, getSidebarState, getSidebarStatus, learnFromData, previewCriteria, saveCriteria } from '../addon/sidebar-api';

export interface ServerApi {
  criteriaSql: typeof criteriaSql;
  getSidebarState: typeof getSidebarState;
  getSidebarStatus: typeof getSidebarStatus;
  learnFromData: typeof learnFromData;
  previewCriteria: typeof previewCriteria;
  saveCriteria: typeof saveCriteria;
  starterDraft: typeof starterDraft;
}

type Promised<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };
export type Server = Promised<ServerApi>;

/** The part of `google.script.run` the bridge uses. */
// biome-ignore-start lint/suspicious/noExplicitAny: google.script.run is untyped; createServer below types every call.
export interface ScriptRun {
  withSuccessHandler(handler: (value: any) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [name: string]: any;
}
// biome-ignore-end lint/suspicious/noExplicitAny: see above

// A key for every server function, so one missing here fails the typecheck.
const NAMES: Record<keyof ServerApi, true> = {
  criteriaSql: true,
  getSidebarState: true,
  getSidebarStatus: true,
  learnFromData: true,
  previewCriteria: true,
  saveCriteria: true,
  starterDraft: true,
};

export function createServer(run: () => ScriptRun): Server {
  const server = {} as Record<keyof ServerApi, (...args: unknown[]) => Promise<unknown>>;
  for (const name of Object.keys(NAMES) as (keyof ServerApi)[]) {
    server[name] = (...args) =>
      new Promise((resolve, reject) => {
        run()
          .withSuccessHandler(resolve)
          .withFailureHandler(reject)
          [name](...args);
      });
  }
  return server as unknown as Server;
}
