// The sidebar page's google.script.run in the playground: the one bridge of emulator/script-run.ts, over
// the server's /api/run route. After each call the grid page is told, so it redraws what the call changed;
// after the grid page changed the workbook, the sidebar is told, so it checks its status at once.

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

// The sidebar checks the workbook's status when its window gets focus (as in Sheets, where it cannot be
// told): a change the grid page made is such a moment.
window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || event.source !== host.parent || event.data?.type !== 'icp-check-status') return;
  window.dispatchEvent(new Event('focus'));
});
