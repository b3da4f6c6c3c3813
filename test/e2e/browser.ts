// What every browser test needs, in one place: Debian's Chromium through playwright-core (never a
// downloaded browser), the playground opened in a page at the size a newcomer uses, and the ways a test
// reads what that page and its sidebar show.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { type Browser, type BrowserContext, chromium, type Dialog, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { launch } from '../../playground/start.mjs';
import { loadCode } from '../../tools/apps-script-vm.mjs';
import { csvToValues } from '../../tools/csv.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Where the tests save the screenshots the README shows. */
export const SCREENSHOTS = path.resolve('docs/screenshots');
/** A laptop's browser window, as the newcomer's. */
export const VIEWPORT = { width: 1440, height: 900 };

export type Playground = Awaited<ReturnType<typeof launch>>;

/**
 * Starts Chromium before the file's tests and closes it after them (call it once, at the top of a file);
 * the function returned gives the running browser.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: call useChromium() at the top of the test file');
    return browser;
  };
}

export interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every browser dialog the page or the sidebar opened, as `prompt: …`, when `answer` was given. */
  readonly dialogs: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly viewport?: { width: number; height: number };
  readonly permissions?: string[];
  /**
   * Answers every browser dialog (the page's prompts) and records it: the text to accept with, or null to
   * dismiss. Without it the test answers each one itself (see `click`).
   */
  readonly answer?: (dialog: Dialog) => string | null;
  /** Runs in the page and in its frames (the sidebar) before their own scripts. */
  readonly init?: () => void;
  /** Called with the page before it loads, to watch it from the first request on. */
  readonly watch?: (page: Page) => void;
}

/** The playground in a new browser context, once its first view is drawn. */
export async function openPlayground(browser: Browser, playground: Playground, options: OpenOptions = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: options.viewport ?? VIEWPORT, permissions: options.permissions });
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  const dialogs: string[] = [];
  const answer = options.answer;
  if (answer) {
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      const text = answer(dialog);
      void (text === null ? dialog.dismiss() : dialog.accept(text));
    });
  }
  options.watch?.(page);
  await page.goto(playground.url);
  await page.waitForSelector('body[data-ready=true]');
  return { context, page, dialogs, close: () => context.close() };
}

/** Polls what the page shows until it matches: the machine is shared, so allow it time. */
export const until = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout });

/** The sidebar's frame once it has drawn its sections (playwright waits, so a beforeAll may call it too). */
export async function sidebarOf(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('iframe#sidebar')).contentFrame();
  if (!frame) throw new Error('the sidebar frame is not there');
  await frame.waitForSelector('footer', { state: 'attached', timeout: 15_000 });
  return frame;
}

/** The text a grid cell shows, e.g. cell(page, 'N2'); scrolls nothing, so use it for drawn rows. */
export async function cell(page: Page, ref: string): Promise<string> {
  return (await page.locator(`[data-cell="${ref}"]`).textContent()) ?? '';
}

/** What the page's message line says. */
export const message = (page: Page) => page.locator('#message').textContent();

/** Every grid cell that shows an error, as `M1: #ERROR!`. */
export const errors = (page: Page): Promise<string[]> =>
  page.locator('[data-cell].err').evaluateAll((cells) => cells.map((c) => `${(c as HTMLElement).dataset.cell}: ${c.textContent}`));

/** Clicks a toolbar action, answering the prompt it asks first with `prompt`. */
export async function click(page: Page, action: string, prompt?: string): Promise<void> {
  if (prompt !== undefined) page.once('dialog', (dialog) => void dialog.accept(prompt));
  await page.locator(`header button[data-action=${action}]`).click();
}

/** Types into a cell through the formula bar, as a person does, and waits until the server has it. */
export async function typeInto(page: Page, ref: string, input: string): Promise<void> {
  await page.locator(`[data-cell="${ref}"]`).click();
  await page.locator('#formula').fill(input);
  const written = page.waitForResponse((r) => r.url().endsWith('/api/cell'));
  await page.locator('#formula').press('Enter');
  expect((await written).ok()).toBe(true);
}

/** Chooses a CSV in Load CSV…. */
export async function loadCsv(page: Page, name: string, csv: string): Promise<void> {
  await page.locator('#csv').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

/** The sidebar as a user sees it: its frame, scrolled so that `selector` is in view, saved as `name`. */
export async function screenshotSidebar(page: Page, frame: Frame, selector: string, name: string, block: 'start' | 'center' = 'center'): Promise<void> {
  await frame
    .locator(selector)
    .first()
    .evaluate((el, at) => el.scrollIntoView({ block: at }), block);
  await page.mouse.move(0, 0); // no hover underline in the picture
  await page.locator('aside').screenshot({ path: path.join(SCREENSHOTS, name) });
}

/** The bundle as an oracle: the tier ICP_TIER gives each account (header first), by default on the example files. */
export function bundleTiers(
  accountsCsv = readFileSync('examples/accounts.csv', 'utf8'),
  criteria: unknown[][] = csvToValues(readFileSync('examples/criteria.csv', 'utf8')),
): string[] {
  const code = loadCode();
  const accounts = csvToValues(accountsCsv, vm.runInContext('Date', code));
  const tiers = csvToValues(readFileSync('examples/tiers.csv', 'utf8'));
  return (code.ICP_TIER(accounts, criteria, '', tiers) as string[][]).map(([t]) => t);
}

// ---- what a person sees of the grid ---------------------------------------------------------------------

export type Box = { x: number; y: number; width: number; height: number };

/** The part of the grid a person sees: its box without the scrollbars. */
export async function gridView(page: Page): Promise<Box> {
  return page.locator('#grid').evaluate((grid) => {
    const r = grid.getBoundingClientRect();
    return { x: r.x, y: r.y, width: grid.clientWidth, height: grid.clientHeight };
  });
}

/** The letter of the column kept in view at the left, as frozen (the one that names the accounts). */
export async function frozenColumn(page: Page): Promise<string> {
  const ref = await page.locator('.headrow .cell.frozen').getAttribute('data-cell');
  if (!ref) throw new Error('no frozen column');
  return ref.replace(/\d+$/, '');
}

/** How many pixels of a cell's width are inside the grid's view and not under the frozen column. */
export async function visibleWidth(page: Page, ref: string): Promise<number> {
  const view = await gridView(page);
  const letter = await frozenColumn(page);
  const frozen = (await page.locator(`[data-cell="${letter}1"]`).boundingBox())!;
  const box = (await page.locator(`[data-cell="${ref}"]`).boundingBox())!;
  const left = Math.max(box.x, ref.replace(/\d+$/, '') === letter ? view.x : frozen.x + frozen.width);
  return Math.max(0, Math.min(box.x + box.width, view.x + view.width) - left);
}

/**
 * The columns of a row that show only in part beside the frozen column (`K2: 40 of 98 px`): a column there
 * should be whole or gone, as in Sheets.
 */
export async function slivers(page: Page, row: number): Promise<string[]> {
  const letter = await frozenColumn(page);
  const frozen = (await page.locator(`[data-cell="${letter}${row}"]`).boundingBox())!;
  return page.locator(`[data-cell$="${row}"]`).evaluateAll(
    (cells, { at, row: r, own }) =>
      cells
        .map((c) => ({ ref: (c as HTMLElement).dataset.cell!, box: c.getBoundingClientRect() }))
        .filter(({ ref, box }) => new RegExp(`^[A-Z]+${r}$`).test(ref) && ref !== own && box.right > at + 0.5 && box.left < at - 0.5)
        .map(({ ref, box }) => `${ref}: ${Math.round(box.right - at)} of ${Math.round(box.width)} px`),
    { at: frozen.x + frozen.width, row, own: `${letter}${row}` },
  );
}
