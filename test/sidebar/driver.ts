// Drives the sidebar's DOM as a user would, against the real server functions of the built bundle running on
// the in-memory Sheets (test/addon/harness.ts).

import { fakeScriptRun } from '../../emulator/script-run';
import { createServer } from '../../src/sidebar/bridge';
import { type Sidebar, startSidebar } from '../../src/sidebar/main';
import { type Harness, harness } from '../addon/harness';

export interface Opened {
  readonly h: Harness;
  readonly root: HTMLElement;
  readonly sidebar: Sidebar;
}

/** Starts the sidebar in a fresh root against `h` (a new harness by default), previewing at once. */
export async function openSidebar(setUp: (h: Harness) => void, options: { locale?: string; h?: Harness } = {}): Promise<Opened> {
  const h = options.h ?? harness({ locale: options.locale });
  setUp(h);
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const sidebar = await startSidebar(root, createServer(fakeScriptRun(h.run)), { debounceMs: 0, pollMs: 0 });
  return { h, root, sidebar };
}

/** Waits for the bridge's timers and every request the sidebar has in flight. */
export async function settle(sidebar: Sidebar): Promise<void> {
  await new Promise((r) => setTimeout(r, 5));
  await sidebar.settled();
  await new Promise((r) => setTimeout(r, 5));
  await sidebar.settled();
}

/** Types into an input (or ticks a checkbox, or picks an option) and fires the event a user would. */
export function change(el: Element | null | undefined, value: string | boolean, event = 'input'): void {
  if (!el) throw new Error('no such element');
  if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
  else (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event(event, { bubbles: true }));
}

/** Clicks the button with this text or aria-label. */
export function click(root: HTMLElement, text: string): void {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent === text || b.getAttribute('aria-label') === text);
  if (!button) throw new Error(`no button ${text}`);
  button.click();
}

/** Adds a rule to the shown profile through the form. */
export async function addRule({ root, sidebar }: Opened, attribute: string, operator: string, value: string, points: string): Promise<void> {
  root.querySelector<HTMLButtonElement>('[data-action=add-rule]')!.click();
  change([...root.querySelectorAll('.rule')].at(-1)!.querySelector('select[name=attribute]'), attribute, 'change');
  const card = [...root.querySelectorAll('.rule')].at(-1)!;
  change(card.querySelector('select[name=operator]'), operator, 'change');
  change(card.querySelector('input[name=value]'), value);
  change(card.querySelector('input[name=points]'), points);
  await settle(sidebar);
}
