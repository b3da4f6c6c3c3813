// The playground page: a virtual grid (only the visible rows are in the DOM, so 50,000 rows stay
// responsive) with the header row and the accounts' name column kept in view, resizable columns, sheet tabs, a formula
// bar, the menu actions as buttons, the add-on's messages in words, its charts, and its sidebar beside it.
// Cell text is always set with textContent; every text of the page itself comes from messages.ts, in the
// language the server wrote into <html lang> (the user's, as the add-on's sidebar and messages speak it).

import { columnLetter } from '../src/core/cells';
import { chartFigure } from './chart';
import { pageText } from './messages';
import { type Chart, ROUTES, request, type SheetSummary, type ShownCell } from './routes';
import type { ActionResult, SetUp } from './workbook';

const ROW_HEIGHT = 24;
const LETTERS_HEIGHT = 22;
const HEAD_WIDTH = 48;
/** Sheets' width for a column nobody sized. */
const DEFAULT_WIDTH = 100;
const MIN_WIDTH = 24;
/** Columns are fitted to their content up to this width; text longer than that overflows or is cut. */
const FIT_MAX = 240;
/** The last used column (the Why column once scored) may be wider: nothing right of it needs the room. */
const FIT_MAX_LAST = 480;
/** The Why column is narrowed to end inside the view beside the names, score and tier, but not below this. */
const WHY_MIN = 160;
/** How long a note on what went well stays, as Sheets' toasts do; one with a next step to click stays longer. */
const TOAST_MS = 6_000;
const TOAST_WITH_STEP_MS = 15_000;
const BUFFER = 10;
const FONT = '13px Arial, Helvetica, sans-serif';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const grid = $<HTMLDivElement>('grid');
const top = $<HTMLDivElement>('top');
const spacer = $<HTMLDivElement>('spacer');
const chartLayer = $<HTMLDivElement>('charts');
const tabs = $<HTMLElement>('tabs');
const formula = $<HTMLInputElement>('formula');
const address = $<HTMLSpanElement>('address');
const cellInfo = $<HTMLDivElement>('cellinfo');
const notice = $<HTMLElement>('notice');
const message = $<HTMLDivElement>('message');
const widthsStyle = $<HTMLStyleElement>('widths');
const sidebar = $<HTMLIFrameElement>('sidebar');

/** What the page knows about each sheet: the server's summary, fitted and dragged widths, scroll position. */
interface SheetView {
  summary: SheetSummary;
  /** Widths fitted to the content, by column (1-based), set once per column when it first has content. */
  fitted: Map<number, number>;
  /** Widths the user dragged, kept in localStorage per sheet. */
  dragged: Record<number, number>;
  scroll?: { left: number; top: number };
}

const LANG = document.documentElement.lang || 'en';
const TEXT = pageText(LANG);

const state = {
  /** The shown sheet; the server names the active one before anything is drawn. */
  sheet: '',
  rows: 0,
  columns: 0,
  /** Columns drawn, from A. */
  drawn: 0,
  selected: null as null | { row: number; column: number },
  views: new Map<string, SheetView>(),
  charts: [] as { chart: Chart; figure: HTMLElement }[],
  /** The shown cells of the last draw, by reference (`M2`). */
  shown: new Map<string, ShownCell>(),
};
(window as unknown as { icpActiveSheet: string }).icpActiveSheet = state.sheet;

// ---- the page's own text -------------------------------------------------------------------------------

document.title = TEXT.title;
for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = String(TEXT[el.dataset.text as 'title' | 'loadCsv' | 'close']);
for (const button of document.querySelectorAll<HTMLButtonElement>('header button[data-action]')) button.textContent = TEXT.actions[button.dataset.action!];
formula.setAttribute('aria-label', TEXT.formulaBar);
formula.placeholder = TEXT.formulaPlaceholder;
sidebar.title = TEXT.sidebar;
($<HTMLDialogElement>('help').querySelector('iframe') as HTMLIFrameElement).title = TEXT.helpTitle;
$<HTMLButtonElement>('dismiss').setAttribute('aria-label', TEXT.dismiss);

// ---- messages: what an action said, in full, and what to do next ----------------------------------------

interface Notice {
  /**
   * `error` when something is wrong or nothing was done (the add-on's alerts, a failed request),
   * `warning` when the page asks for a step before anything can be scored, else `info`.
   */
  readonly kind: 'info' | 'warning' | 'error';
  /** The message in full; line breaks and `•` bullets are kept. */
  readonly text: string;
  /** A line of the page's own about where to go next. */
  readonly hint?: string;
  readonly details?: { summary: string; items: string[] };
  /** Next steps, one click each. */
  readonly next?: { label: string; run: () => void }[];
  /** Draws the eye to the criteria editor beside the grid. */
  readonly sidebar?: boolean;
}

let fading: ReturnType<typeof setTimeout> | undefined;
let fadeAfter = 0;

/** A note on what went well fades after a while, as Sheets' toasts do, unless the pointer rests on it. */
function fadeLater(ms: number): void {
  clearTimeout(fading);
  fadeAfter = ms;
  if (ms > 0) {
    fading = setTimeout(() => {
      notice.classList.add('fading');
      fading = setTimeout(() => notify(null), 400);
    }, ms);
  }
}
notice.addEventListener('pointerenter', () => {
  clearTimeout(fading);
  notice.classList.remove('fading');
});
notice.addEventListener('pointerleave', () => fadeAfter > 0 && fadeLater(Math.min(fadeAfter, TOAST_MS / 2)));

function notify(shown: Notice | null): void {
  notice.hidden = shown === null;
  sidebar.parentElement!.classList.toggle('attention', Boolean(shown?.sidebar));
  // What needs the user (an error, a step before anything is scored) stays until dismissed.
  fadeLater(shown?.kind === 'info' ? (shown.next?.length ? TOAST_WITH_STEP_MS : TOAST_MS) : 0);
  if (!shown) return;
  notice.className = shown.kind;
  notice.setAttribute('role', shown.kind === 'error' ? 'alert' : 'status');
  message.textContent = shown.text;
  const hint = $<HTMLParagraphElement>('hint');
  hint.hidden = !shown.hint;
  hint.textContent = shown.hint ?? '';
  const details = $<HTMLDetailsElement>('details');
  details.hidden = !shown.details;
  details.open = false;
  if (shown.details) {
    details.querySelector('summary')!.textContent = shown.details.summary;
    details.querySelector('ul')!.replaceChildren(
      ...shown.details.items.map((item) => {
        const li = document.createElement('li');
        li.textContent = item;
        return li;
      }),
    );
  }
  $<HTMLDivElement>('next').replaceChildren(
    ...(shown.next ?? []).map(({ label, run }) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('click', run);
      return button;
    }),
  );
}

const fail = (error: unknown) => notify({ kind: 'error', text: error instanceof Error ? error.message : String(error) });

/**
 * The sidebar asks the server for the workbook's status when it gets focus and every 10 seconds. After the
 * page changed the workbook (an action, a typed cell, another sheet shown), it is told at once, so it never
 * shows the old criteria beside a grid that shows the new ones.
 */
function tellSidebar(): void {
  sidebar.contentWindow?.postMessage({ type: 'icp-check-status' }, location.origin);
}
$<HTMLButtonElement>('dismiss').addEventListener('click', () => notify(null));

const scoreButton = () => ({ label: TEXT.actions.scoreThisSheet, run: () => void runAction('scoreThisSheet').catch(fail) });

/** What an action said, as the page shows it; `before` lines (e.g. what was loaded) come first. */
function reported(name: string, out: ActionResult, before: string[] = []): Notice {
  const label = TEXT.actions[name] ?? name;
  if (out.error) return { kind: 'error', text: [...before, TEXT.actionFailed(label, out.error)].join('\n') };
  const said = [...out.alerts, ...out.toasts];
  const text = [...before, ...(said.length ? said : [TEXT.actionDone(label)])].join('\n');
  const refused = out.alerts.length > 0 && out.toasts.length === 0;
  // Scoring after a CSV load was not asked for: its refusal is a next step, not a failure.
  if (name === 'scoreThisSheet' && refused) return { kind: before.length ? 'warning' : 'error', text, hint: TEXT.editorIsOpen, sidebar: true };
  if (name === 'createTemplate' && !refused) return { kind: 'info', text, next: [scoreButton()] };
  return { kind: refused ? 'error' : 'info', text };
}

/** `npm start -- my.csv` with columns the example criteria do not fit: what to do, on the first view. */
function setUpNotice(setUp: SetUp): Notice {
  return {
    kind: 'warning',
    text: [TEXT.setUpNone(setUp.rows), setUp.next].filter((t) => t).join('\n'),
    hint: TEXT.editorIsOpen,
    details: setUp.unfit.length ? { summary: TEXT.unfitSummary(setUp.unfit.length), items: setUp.unfit.map((u) => `${u.rule}: ${u.problem}`) } : undefined,
    sidebar: true,
  };
}

// ---- column widths ---------------------------------------------------------------------------------------

const storageKey = (sheet: string) => `icp-sheets.widths.${sheet}`;

function view(sheet = state.sheet): SheetView {
  let found = state.views.get(sheet);
  if (!found) {
    let dragged: Record<number, number> = {};
    try {
      dragged = JSON.parse(localStorage.getItem(storageKey(sheet)) ?? '{}');
    } catch {
      // A damaged entry is forgotten: widths are only a convenience.
    }
    found = { summary: { name: sheet, rows: 0, columns: 0, results: null, own: null, names: 1 }, fitted: new Map(), dragged };
    state.views.set(sheet, found);
  }
  return found;
}

function width(column: number): number {
  const v = view();
  return v.dragged[column] ?? v.fitted.get(column) ?? DEFAULT_WIDTH;
}

/**
 * The column kept in view at the left, as if frozen: the one that names the accounts (as the add-on finds
 * it: Company, Name, Firma…; else the first), so an ID in column A does not take the place of the names.
 */
function frozen(): number {
  return view().summary.names;
}

/** The scroll position that puts a column (right of the frozen one) right beside the frozen column. */
function besideFrozen(column: number): number {
  return leftOf(column) - HEAD_WIDTH - width(frozen());
}

/** The x of a column's left edge in the grid's content (1-based column). */
function leftOf(column: number): number {
  let x = HEAD_WIDTH;
  for (let c = 1; c < column; c++) x += width(c);
  return x;
}

function applyWidths(): void {
  const rules: string[] = [];
  for (let c = 1; c <= state.drawn; c++) rules.push(`.c${c}{flex:0 0 ${width(c)}px;width:${width(c)}px}`);
  widthsStyle.textContent = rules.join('\n');
  const total = leftOf(state.drawn + 1);
  spacer.style.width = top.style.width = `${total}px`;
}

let measurer: CanvasRenderingContext2D | null = null;
function textWidth(text: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 7;
  measurer.font = FONT;
  return measurer.measureText(text).width;
}

/** Fits each column that has content and no width yet to its widest shown text (header included). */
function fitColumns(lines: ShownCell[][], used: number): void {
  const fitted = view().fitted;
  const widest = new Map<number, number>();
  for (const line of lines)
    line.forEach((cell, i) => {
      if (cell.text !== '') widest.set(i + 1, Math.max(widest.get(i + 1) ?? 0, textWidth(cell.text)));
    });
  const why = (view().summary.results ?? -3) + 2;
  for (const [column, text] of widest) {
    if (fitted.has(column)) continue;
    // The Why column waits until the columns it must fit beside have their widths.
    if (column === why) continue;
    fitted.set(column, Math.round(Math.min(column === used ? FIT_MAX_LAST : FIT_MAX, Math.max(48, text + 16))));
  }
  const text = widest.get(why);
  if (text !== undefined && !fitted.has(why)) {
    // The explanation ends inside the view, beside the names, score and tier; the line under the formula
    // bar shows it in full.
    const room = grid.clientWidth - HEAD_WIDTH - width(frozen()) - width(why - 2) - width(why - 1);
    fitted.set(why, Math.round(Math.min(FIT_MAX_LAST, Math.max(WHY_MIN, room), Math.max(48, text + 16))));
  }
}

function startResize(column: number, event: PointerEvent): void {
  event.preventDefault();
  const grip = event.currentTarget as HTMLElement;
  grip.classList.add('dragging');
  const from = event.clientX;
  const start = width(column);
  // Listened to on the window: a redraw may replace the grip while the mouse is down.
  const move = (e: PointerEvent) => {
    view().dragged[column] = Math.max(MIN_WIDTH, Math.round(start + e.clientX - from));
    applyWidths();
    placeCharts();
  };
  const end = () => {
    grip.classList.remove('dragging');
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', end);
    window.removeEventListener('pointercancel', end);
    localStorage.setItem(storageKey(state.sheet), JSON.stringify(view().dragged));
    void render();
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', end);
  window.addEventListener('pointercancel', end);
}

/** Double-click on a column edge: back to the width that fits the content, as in Sheets. */
function fitAgain(column: number): void {
  const v = view();
  delete v.dragged[column];
  v.fitted.delete(column);
  localStorage.setItem(storageKey(state.sheet), JSON.stringify(v.dragged));
  void render();
}

// ---- sheets and drawing ----------------------------------------------------------------------------------

async function loadSheets(): Promise<SheetSummary[]> {
  const { sheets } = await request(ROUTES.sheets, {});
  if (!sheets.some((s) => s.name === state.sheet)) state.sheet = sheets[0].name;
  for (const s of sheets) view(s.name).summary = s;
  state.columns = view().summary.columns;
  tabs.replaceChildren(
    ...sheets.map((s) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = s.name;
      button.className = s.name === state.sheet ? 'active' : '';
      button.setAttribute('data-sheet', s.name);
      button.addEventListener('click', () => void show(s.name).catch(fail));
      return button;
    }),
  );
  return sheets;
}

async function show(sheet: string): Promise<void> {
  if (state.sheet !== sheet) view().scroll = { left: grid.scrollLeft, top: grid.scrollTop };
  state.sheet = sheet;
  (window as unknown as { icpActiveSheet: string }).icpActiveSheet = sheet;
  deselect();
  await loadSheets();
  tellSidebar();
  // This sheet's size first, so that its remembered scroll position is not cut to the last sheet's.
  const { rows, columns } = view().summary;
  state.drawn = Math.min(60, columns + 3);
  applyWidths();
  spacer.style.height = `${(Math.max(rows, 30) - 1 + 20) * ROW_HEIGHT}px`;
  const remembered = view().scroll;
  grid.scrollTop = remembered?.top ?? 0;
  grid.scrollLeft = remembered?.left ?? 0;
  await render();
  if (!remembered) scrollToResults();
  await drawCharts();
}

/**
 * Brings the add-on's score, tier and Why columns into view beside the frozen name column: as far right as
 * needed to show all three, never so far that the score hides.
 */
function scrollToResults(): void {
  const results = view().summary.results;
  if (!results) return;
  const wanted = leftOf(results + 3) - grid.clientWidth;
  if (wanted <= 0) return;
  // Start at a column's edge next to the frozen column, so no sliver of a column shows beside it.
  let column = frozen() + 1;
  while (column < results && besideFrozen(column) < wanted) column++;
  grid.scrollLeft = besideFrozen(column);
  void render();
}

/**
 * Scrolls as little as needed to show a selected column whole, as Sheets does, starting at a column's edge
 * beside the frozen column when it scrolls right; a column wider than the view shows from its start.
 */
function reveal(column: number): void {
  const first = frozen();
  if (column === first) return;
  const from = grid.scrollLeft;
  // Left of the frozen column nothing covers a column but the row numbers.
  const start = from + HEAD_WIDTH + (column > first ? width(first) : 0);
  const end = from + grid.clientWidth;
  const [left, right] = [leftOf(column), leftOf(column + 1)];
  let to = from;
  if (left < start) to = column > first ? besideFrozen(column) : left - HEAD_WIDTH;
  else if (right > end) {
    to = besideFrozen(column);
    for (let c = first + 1; c < column; c++) {
      if (besideFrozen(c) >= right - grid.clientWidth) {
        to = besideFrozen(c);
        break;
      }
    }
  }
  if (to !== from) {
    grid.scrollLeft = to;
    void render();
  }
}

let rendering = 0;
let latest: Promise<void> = Promise.resolve();

/** Draws the visible rows; a call overtaken by a newer one resolves when the newer one has drawn. */
function render(): Promise<void> {
  latest = draw(++rendering);
  return latest;
}

async function draw(ticket: number): Promise<void> {
  // Row 1 sits in the sticky top block; the spacer holds rows 2 and below (0-based index 1 on).
  const first = Math.max(1, Math.floor(grid.scrollTop / ROW_HEIGHT) + 1 - BUFFER);
  const count = Math.min(200, Math.ceil(grid.clientHeight / ROW_HEIGHT) + 2 * BUFFER);
  // Rows are virtual; columns are few (an ICP table has tens), so all up to the right edge are drawn.
  let columns = 1;
  while (columns < 60 && (columns < state.columns + 3 || leftOf(columns + 1) < grid.scrollLeft + grid.clientWidth)) columns++;
  const sheet = state.sheet;
  const [head, body] = await Promise.all([
    request(ROUTES.window, { sheet, row: 0, rows: 1, column: 0, columns }),
    request(ROUTES.window, { sheet, row: first, rows: count, column: 0, columns }),
  ]);
  if (ticket !== rendering) return latest;
  state.rows = Math.max(body.rows, 30);
  state.columns = Math.max(body.columns, 12);
  state.drawn = columns;
  fitColumns([...head.cells, ...body.cells], body.columns);
  applyWidths();
  state.shown.clear();
  spacer.style.height = `${(state.rows - 1 + 20) * ROW_HEIGHT}px`;

  const letters = document.createElement('div');
  letters.className = 'letters';
  const corner = document.createElement('div');
  corner.className = 'corner';
  letters.append(corner);
  for (let c = 1; c <= columns; c++) {
    const letter = document.createElement('div');
    letter.className = `colhead c${c}${c === frozen() ? ' frozen' : ''}`;
    letter.textContent = columnLetter(c);
    const grip = document.createElement('div');
    grip.className = 'grip';
    grip.title = TEXT.resizeColumn;
    grip.dataset.column = String(c);
    grip.addEventListener('pointerdown', (event) => startResize(c, event));
    grip.addEventListener('dblclick', () => fitAgain(c));
    letter.append(grip);
    letters.append(letter);
  }
  const headRow = row(0, head.cells[0] ?? []);
  headRow.classList.add('headrow');
  top.replaceChildren(letters, headRow);
  spacer.replaceChildren(
    ...body.cells.map((line, r) => {
      const el = row(first + r, line);
      el.style.top = `${(first + r - 1) * ROW_HEIGHT}px`;
      return el;
    }),
  );
  placeCharts();
}

/** One grid row (0-based index); text longer than its cell runs on over empty cells to its right, as in Sheets. */
function row(index: number, line: ShownCell[]): HTMLDivElement {
  const el = document.createElement('div');
  el.className = 'gridrow';
  const head = document.createElement('div');
  head.className = 'rowhead';
  head.textContent = String(index + 1);
  el.append(head);
  const cells = line.map((cell, c) => {
    const column = c + 1;
    const ref = `${columnLetter(column)}${index + 1}`;
    state.shown.set(ref, cell);
    const div = document.createElement('div');
    div.className = `cell c${column}${column === frozen() ? ' frozen' : ''}${typeof cell.value === 'number' ? ' num' : ''}${cell.error ? ' err' : ''}`;
    if (state.selected?.row === index + 1 && state.selected.column === column) div.classList.add('selected');
    div.dataset.cell = ref;
    div.title = cell.error ?? cell.text;
    if (cell.bg) div.style.background = cell.bg;
    div.textContent = cell.text;
    return div;
  });
  // The explanation stops at its column's edge, with an ellipsis: it would run on to the sidebar and be cut
  // there. The line under the formula bar shows it in full.
  const why = (view().summary.results ?? -3) + 2;
  line.forEach((cell, c) => {
    const column = c + 1;
    if (column === frozen() || column === why || cell.text === '' || cell.error || typeof cell.value === 'number') return;
    const needed = textWidth(cell.text) + 12;
    let room = width(column);
    let last = c;
    // Up to the frozen column, which stays in view over whatever runs under it.
    while (room < needed && last + 1 < line.length && line[last + 1].text === '' && last + 2 !== frozen()) room += width(++last + 1);
    if (last === c) return;
    const span = document.createElement('span');
    span.textContent = cell.text;
    span.style.width = `${Math.min(room, needed)}px`;
    cells[c].replaceChildren(span);
    cells[c].classList.add('over');
    for (let n = c + 1; n <= last; n++) cells[n].classList.add('covered');
    cells[last].classList.add('last');
  });
  el.append(...cells);
  return el;
}

/** The sheet's charts, where the add-on anchored them, over the cells and scrolling with them. */
async function drawCharts(): Promise<void> {
  const { charts } = await request(ROUTES.charts, { sheet: state.sheet });
  const room = Math.max(320, grid.clientWidth - HEAD_WIDTH - 24);
  state.charts = charts.map((chart) => ({ chart, figure: chartFigure(chart, Math.min(chart.width, room), LANG) }));
  chartLayer.replaceChildren(...state.charts.map((c) => c.figure));
  chartLayer.hidden = charts.length === 0;
  placeCharts();
}

function placeCharts(): void {
  for (const { chart, figure } of state.charts) {
    figure.style.left = `${leftOf(chart.anchor.column)}px`;
    figure.style.top = `${LETTERS_HEIGHT + (chart.anchor.row - 1) * ROW_HEIGHT}px`;
  }
}

// ---- the selected cell and the formula bar ---------------------------------------------------------------

let typedSinceSelect = false;
formula.addEventListener('input', () => {
  typedSinceSelect = true;
  formula.classList.remove('from');
});

function deselect(): void {
  state.selected = null;
  address.textContent = '';
  formula.value = '';
  formula.placeholder = TEXT.formulaPlaceholder;
  formula.classList.remove('from');
  showCellInfo(null);
}

/** The line under the formula bar: the selected cell's error, or what it shows as part of a formula's result. */
function showCellInfo(text: string | null, error = false): void {
  cellInfo.textContent = text ?? '';
  cellInfo.className = error ? 'error' : '';
}

async function select(row: number, column: number): Promise<void> {
  state.selected = { row, column };
  typedSinceSelect = false;
  const ref = `${columnLetter(column)}${row}`;
  formula.value = '';
  formula.placeholder = '';
  formula.classList.remove('from');
  address.textContent = ref;
  reveal(column);
  for (const el of document.querySelectorAll('.cell.selected')) el.classList.remove('selected');
  document.querySelector(`[data-cell="${ref}"]`)?.classList.add('selected');
  formula.focus();
  const { input, from } = await request(ROUTES.input, { sheet: state.sheet, row, column });
  // The answer may arrive after the user started typing or chose another cell: never overwrite that.
  if (state.selected?.row !== row || state.selected.column !== column) return;
  if (!typedSinceSelect) {
    formula.value = input;
    // Sheets shows the formula of a spilled result greyed in the cells it spills into.
    formula.placeholder = from?.formula ?? '';
    formula.classList.toggle('from', Boolean(from));
  }
  const shown = state.shown.get(ref);
  if (shown?.error) showCellInfo(TEXT.cellError(shown.error), true);
  else if (from) showCellInfo(TEXT.spilledFrom(from.cell, shown?.text ?? ''));
  else showCellInfo(null);
}

grid.addEventListener('click', (event) => {
  const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
  const match = cell && /^([A-Z]+)(\d+)$/.exec(cell.dataset.cell!);
  if (!match) return;
  const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  void select(Number(match[2]), column).catch(fail);
});

formula.addEventListener('keydown', async (event) => {
  if (event.key !== 'Enter' || !state.selected) return;
  const { row, column } = state.selected;
  try {
    await request(ROUTES.cell, { sheet: state.sheet, row, column, input: formula.value });
    tellSidebar();
    await refresh();
    await select(row, column);
  } catch (error) {
    fail(error);
  }
});

let scheduled = false;
grid.addEventListener('scroll', () => {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    void render();
  });
});
window.addEventListener('resize', () => void render());

async function refresh(): Promise<void> {
  await loadSheets();
  await render();
  await drawCharts();
}

// ---- actions ---------------------------------------------------------------------------------------------

/** The shown sheet's header row, as drawn. */
function headerRow(): string[] {
  const texts: string[] = [];
  for (let c = 1; c <= state.drawn; c++) texts.push(state.shown.get(`${columnLetter(c)}1`)?.text ?? '');
  return texts.filter((text) => text.trim() !== '');
}

async function runAction(name: string, before: string[] = []): Promise<void> {
  const payload: { name: string; active: string; prompt?: string; confirm?: boolean } = { name, active: state.sheet };
  const asks = TEXT.prompts[name];
  if (asks) {
    const columns = headerRow();
    const answer = window.prompt(asks.question(columns.join(', ')), asks.answers.find((a) => columns.includes(a)) ?? '');
    if (answer === null) return;
    payload.prompt = answer;
  }
  const header = document.querySelector('header')!;
  header.setAttribute('aria-busy', 'true');
  try {
    let out = await request(ROUTES.run, payload);
    // The add-on asked a yes/no question (a large table: write the scores as values?) and took no for an answer.
    if (out.confirm && window.confirm(out.confirm)) {
      out = await request(ROUTES.run, { ...payload, confirm: true });
    }
    if (out.active !== state.sheet) await show(out.active);
    else await refresh();
    tellSidebar();
    if (name === 'scoreThisSheet' && out.toasts.length) scrollToResults();
    notify(reported(name, out, before));
  } finally {
    header.removeAttribute('aria-busy');
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('header button[data-action]')) {
  button.addEventListener('click', () => {
    const action = button.dataset.action!;
    if (action === 'help') {
      const dialog = $<HTMLDialogElement>('help');
      (dialog.querySelector('iframe') as HTMLIFrameElement).src = '/help';
      dialog.showModal();
      return;
    }
    void runAction(action).catch(fail);
  });
}

// A loaded CSV replaces the accounts, score columns and all; it is scored again at once with the criteria
// of the tab, as `npm start -- file.csv` does, and when they do not fit, the add-on says why.
$<HTMLInputElement>('csv').addEventListener('change', async (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  try {
    const { rows, sheet } = await request(ROUTES.csv, { csv: await file.text() });
    input.value = '';
    localStorage.removeItem(storageKey(sheet));
    state.views.delete(sheet);
    await show(sheet);
    sidebar.contentWindow?.location.reload();
    await runAction('scoreThisSheet', [TEXT.loaded(file.name, rows)]);
  } catch (error) {
    fail(error);
  }
});

/** The sidebar's server calls that only read: after any other call the grid is drawn again. */
const READS_ONLY = new Set(['getSidebarState', 'getSidebarStatus', 'previewCriteria', 'starterDraft']);

window.addEventListener('message', (event) => {
  if (event.origin !== location.origin) return;
  if (event.data?.type !== 'icp-workbook-changed' || READS_ONLY.has(event.data.name)) return;
  void (async () => {
    const sheets = await loadSheets();
    await render();
    if (event.data.name !== 'saveCriteria') return;
    // Saved criteria score nothing until the sheet is scored: offer that, one click away.
    const current = view().summary;
    if (current.own === null && current.results === null && current.rows > 1 && sheets.some((s) => s.own === 'criteria')) {
      notify({ kind: 'info', text: TEXT.savedNotScored(current.name), next: [scoreButton()] });
    }
  })().catch(fail);
});

void (async () => {
  const { active } = await request(ROUTES.sheets, {});
  await show(active);
  const { setUp } = await request(ROUTES.setup, {});
  if (setUp?.criteria === 'none') notify(setUpNotice(setUp));
  document.body.dataset.ready = 'true';
})().catch(fail);
