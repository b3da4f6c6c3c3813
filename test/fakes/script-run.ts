// google.script.run as the sidebar sees it, backed by the bundle's global functions. Arguments and results
// go through JSON, as they cross the real bridge (Dates become strings, functions vanish).

import type { ScriptRun } from '../../src/sidebar/bridge';

export function fakeScriptRun(call: (name: string, ...args: unknown[]) => unknown): () => ScriptRun {
  return () => {
    let onSuccess: (value: unknown) => void = () => {};
    let onFailure: (error: Error) => void = () => {};
    const runner: ScriptRun = new Proxy({} as ScriptRun, {
      get(_, name: string) {
        if (name === 'withSuccessHandler') return (f: typeof onSuccess) => ((onSuccess = f), runner);
        if (name === 'withFailureHandler') return (f: typeof onFailure) => ((onFailure = f), runner);
        return (...args: unknown[]) => {
          setTimeout(() => {
            try {
              const result = call(name, ...JSON.parse(JSON.stringify(args)));
              onSuccess(result === undefined ? undefined : JSON.parse(JSON.stringify(result)));
            } catch (error) {
              onFailure(error as Error);
            }
          }, 0);
        };
      },
    });
    return runner;
  };
}
