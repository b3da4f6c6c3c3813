// The criteria editor in the sidebar: loads the state, mounts one view per section, and keeps up with the
// workbook. Apps Script gives a sidebar no events, so it asks the server for a cheap status when it gets
// focus or the pointer, and every few seconds while it is visible.

import { createServer, type ScriptRun, type Server } from './bridge';
import { Session, type SessionOptions, type ViewFactory } from './session';
import { footerView } from './views/footer';
import { guideView } from './views/guide';
import { learnView } from './views/learn';
import { previewView } from './views/preview';
import { profilesView } from './views/profiles';
import { rulesView } from './views/rules';
import { sqlView } from './views/sql';
import { tableView } from './views/table';
import { tiersView } from './views/tiers';

/** The sidebar's sections, top to bottom; a new panel is one more entry. */
export const VIEWS: readonly ViewFactory[] = [tableView, guideView, profilesView, rulesView, tiersView, previewView, learnView, sqlView, footerView];

export interface SidebarOptions extends SessionOptions {
  /** Milliseconds between status checks while the sidebar is visible; 0 checks only on focus. */
  readonly pollMs?: number;
}

export interface Sidebar {
  /** Resolves when every request in flight has been answered. */
  settled(): Promise<void>;
  draft(): Session['draft'];
  /** Stops watching the workbook. */
  close(): void;
}

export async function startSidebar(root: HTMLElement, server: Server, options: SidebarOptions = {}): Promise<Sidebar> {
  const session = new Session(server, await server.getSidebarState(), options);
  document.documentElement.lang = session.language;
  document.title = session.t.title;
  session.mount(root, VIEWS);
  if (session.draft.rules.length) void session.requestPreview();
  const check = () => void session.checkStatus();
  const whenVisible = () => {
    if (document.visibilityState !== 'hidden') check();
  };
  window.addEventListener('focus', check);
  document.addEventListener('visibilitychange', whenVisible);
  root.addEventListener('pointerenter', check);
  const poll = options.pollMs ?? 10_000;
  const interval = poll > 0 ? setInterval(whenVisible, poll) : undefined;
  return {
    settled: () => session.settled(),
    draft: () => session.draft,
    close() {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', whenVisible);
      root.removeEventListener('pointerenter', check);
      clearInterval(interval);
    },
  };
}

declare const google: { script: { run: ScriptRun } } | undefined;

// In Sheets (and the playground), start at once against google.script.run.
// biome-ignore lint/complexity/useOptionalChain: outside Sheets `google` is not declared at all; only typeof may test it.
if (typeof google !== 'undefined' && google.script?.run && typeof document !== 'undefined') {
  const root = document.getElementById('app');
  if (root)
    void startSidebar(
      root,
      createServer(() => google!.script.run),
    );
}
