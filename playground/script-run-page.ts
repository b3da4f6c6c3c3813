// The sidebar page's google.script.run in the playground: the one bridge of emulator/script-run.ts, over
// the server's /api/run route. After each call the grid page is told, so it redraws what the call changed.

import { scriptRun } from '../emulator/script-run';
import { ROUTES, request } from './routes';

const host = window as unknown as { parent: Window & { icpActiveSheet?: string }; google: unknown };

host.google = {
  script: {
    run: scriptRun(async (name, args) => {
      // The grid page's shown sheet is the active one; without it the server takes its account sheet.
      const active = host.parent?.icpActiveSheet || undefined;
      const out = await request(ROUTES.run, { name, args, active });
      if (host.parent !== window) host.parent.postMessage({ type: 'icp-workbook-changed', name }, location.origin);
      return out.result;
    }),
    host: { close: () => {} },
  },
};
