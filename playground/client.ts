// The playground page: a virtual grid (only the visible rows are in the DOM, so 50,000 rows stay
// responsive), sheet tabs, a formula bar, the menu actions as buttons, and the add-on's sidebar beside it.
// Cell text is always set with textContent.

import { columnLetter } from '../src/core/cells';
import { ROUTES, request } from './routes';

const ROW_HEIGHT = 24;
const COLUMN_WIDTH = 120;
const HEAD_WIDTH = 48;
const BUFFER = 10;

const grid = document.getElementById('grid') as HTMLDivElement;
const spacer = document.getElementById('spacer') as HTMLDivElement;
const colheads = document.getElementById('colheads') as HTMLDivElement;
const tabs = document.getElementById('tabs') as HTMLElement;
const formula = document.getElementById('formula') as HTMLInputElement;
const address = document.getElementById('address') as HTMLSpanElement;
const message = document.getElementById('message') as HTMLSpanElement;

const state = { sheet: 'ICP Accounts', rows: 0, columns: 0, selected: null as null | { row: number; column: number }, version: 0 };
(window as unknown as { icpActiveSheet: string }).icpActiveSheet = state.sheet;

function say(text: string, error = false): void {
  message.textContent = text;
  message.title = text;
  message.className = error ? 'error' : '';
}

async function loadSheets(): Promise<void> {
  const { sheets } = await request(ROUTES.sheets, {});
  if (!sheets.some((s) => s.name === state.sheet)) state.sheet = sheets[0].name;
  state.columns = sheets.find((s) => s.name === state.sheet)!.columns;
  tabs.replaceChildren(...sheets.map((s) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = s.name;
    button.className = s.name === state.sheet ? 'active' : '';
    button.setAttribute('data-sheet', s.name);
    button.addEventListener('click', () => void show(s.name));
    return button;
  }));
}

async function show(sheet: string): Promise<void> {
  state.sheet = sheet;
  (window as unknown as { icpActiveSheet: string }).icpActiveSheet = sheet;
  state.selected = null;
  address.textContent = '';
  formula.value = '';
  grid.scrollTop = 0;
  grid.scrollLeft = 0;
  await loadSheets();
  await render();
  await drawCharts();
}

/** The sheet's charts, drawn as SVG bar charts (one colour and scale per series) in a panel over the grid. */
async function drawCharts(): Promise<void> {
  const { charts } = await request(ROUTES.charts, { sheet: state.sheet });
  const panel = document.getElementById('charts') as HTMLDivElement;
  panel.hidden = charts.length === 0;
  const ns = 'http://www.w3.org/2000/svg';
  const colours = ['#1a73e8', '#e8710a', '#188038'];
  panel.replaceChildren(...charts.map((chart) => {
    const figure = document.createElement('figure');
    const caption = document.createElement('figcaption');
    caption.textContent = chart.title;
    const width = 420;
    const height = 180;
    const band = (width - 40) / Math.max(1, chart.labels.length);
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height + 40}`);
    svg.setAttribute('width', String(width));
    chart.series.forEach((series, s) => {
      const max = Math.max(1e-9, ...series.values.map((v) => v ?? 0));
      series.values.forEach((value, i) => {
        const bar = document.createElementNS(ns, 'rect');
        const h = ((value ?? 0) / max) * height;
        const w = band / (chart.series.length + 1);
        bar.setAttribute('x', String(20 + i * band + s * w));
        bar.setAttribute('y', String(height - h));
        bar.setAttribute('width', String(w));
        bar.setAttribute('height', String(h));
        bar.setAttribute('fill', colours[s % colours.length]);
        const title = document.createElementNS(ns, 'title');
        title.textContent = `${chart.labels[i]}: ${series.name} ${value ?? ''}`;
        bar.append(title);
        svg.append(bar);
      });
    });
    chart.labels.forEach((label, i) => {
      const text = document.createElementNS(ns, 'text');
      text.setAttribute('x', String(20 + i * band + band / 2));
      text.setAttribute('y', String(height + 14));
      text.setAttribute('text-anchor', 'middle');
      text.setAttribute('font-size', '10');
      text.textContent = label.length > 12 ? `${label.slice(0, 11)}…` : label;
      svg.append(text);
    });
    const legend = document.createElement('div');
    legend.className = 'legend';
    legend.append(...chart.series.map((series, i) => {
      const item = document.createElement('span');
      const swatch = document.createElement('span');
      swatch.textContent = '■ ';
      swatch.style.color = colours[i % colours.length];
      item.append(swatch, `${series.name}   `);
      return item;
    }));
    figure.append(caption, svg, legend);
    return figure;
  }));
}

let rendering = 0;
let latest: Promise<void> = Promise.resolve();

/** Draws the visible rows; a call overtaken by a newer one resolves when the newer one has drawn. */
function render(): Promise<void> {
  latest = draw(++rendering);
  return latest;
}

async function draw(ticket: number): Promise<void> {
  const first = Math.max(0, Math.floor(grid.scrollTop / ROW_HEIGHT) - BUFFER);
  const visible = Math.ceil(grid.clientHeight / ROW_HEIGHT) + 2 * BUFFER;
  // Rows are virtual; columns are few (an ICP table has tens), so all used ones are rendered.
  const firstColumn = 0;
  const columns = Math.min(60, Math.max(Math.ceil(grid.clientWidth / COLUMN_WIDTH) + 2, state.columns + 3));
  const data = await request(ROUTES.window, { sheet: state.sheet, row: first, rows: Math.min(200, visible), column: firstColumn, columns });
  if (ticket !== rendering) return latest;
  state.rows = Math.max(data.rows, 30);
  state.columns = Math.max(data.columns, 12);
  const width = HEAD_WIDTH + Math.max(state.columns + 2, firstColumn + columns) * COLUMN_WIDTH;
  spacer.style.height = `${(state.rows + 20) * ROW_HEIGHT}px`;
  spacer.style.width = `${width}px`;
  colheads.style.width = `${width}px`;
  const corner = document.createElement('div');
  corner.className = 'corner';
  const heads: HTMLElement[] = [corner];
  const pad = document.createElement('div');
  pad.style.minWidth = pad.style.width = `${firstColumn * COLUMN_WIDTH}px`;
  heads.push(pad);
  for (let c = 0; c < columns; c++) {
    const head = document.createElement('div');
    head.className = 'colhead';
    head.textContent = columnLetter(firstColumn + c + 1);
    heads.push(head);
  }
  colheads.replaceChildren(...heads);
  const rows = data.cells.map((line, r) => {
    const row = document.createElement('div');
    row.className = 'gridrow';
    row.style.top = `${(first + r) * ROW_HEIGHT}px`;
    const head = document.createElement('div');
    head.className = 'rowhead';
    head.textContent = String(first + r + 1);
    const gap = document.createElement('div');
    gap.style.minWidth = gap.style.width = `${firstColumn * COLUMN_WIDTH}px`;
    row.append(head, gap);
    line.forEach((cell, c) => {
      const el = document.createElement('div');
      const rowNumber = first + r + 1;
      const column = firstColumn + c + 1;
      el.className = `cell${typeof cell.value === 'number' ? ' num' : ''}${cell.error ? ' err' : ''}`;
      if (state.selected?.row === rowNumber && state.selected.column === column) el.classList.add('selected');
      el.textContent = cell.text;
      el.title = cell.error ?? cell.text;
      el.dataset.cell = `${columnLetter(column)}${rowNumber}`;
      if (cell.bg) el.style.background = cell.bg;
      el.addEventListener('click', () => void select(rowNumber, column));
      row.append(el);
    });
    return row;
  });
  spacer.replaceChildren(...rows);
}

let typedSinceSelect = false;
formula.addEventListener('input', () => {
  typedSinceSelect = true;
});

async function select(row: number, column: number): Promise<void> {
  state.selected = { row, column };
  typedSinceSelect = false;
  formula.value = '';
  address.textContent = `${columnLetter(column)}${row}`;
  const { input } = await request(ROUTES.input, { sheet: state.sheet, row, column });
  // The answer may arrive after the user started typing: never overwrite what they typed.
  if (!typedSinceSelect && state.selected?.row === row && state.selected.column === column) formula.value = input;
  for (const el of spacer.querySelectorAll('.cell.selected')) el.classList.remove('selected');
  spacer.querySelector(`[data-cell="${columnLetter(column)}${row}"]`)?.classList.add('selected');
  formula.focus();
}

formula.addEventListener('keydown', async (event) => {
  if (event.key !== 'Enter' || !state.selected) return;
  const { row, column } = state.selected;
  try {
    await request(ROUTES.cell, { sheet: state.sheet, row, column, input: formula.value });
    await refresh();
    say(`${columnLetter(column)}${row} updated`);
  } catch (error) {
    say((error as Error).message, true);
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

async function refresh(): Promise<void> {
  await loadSheets();
  await render();
}

async function runAction(name: string): Promise<void> {
  const payload: { name: string; active: string; prompt?: string; confirm?: boolean } = { name, active: state.sheet };
  if (name === 'buildSegmentSummary') {
    const answer = window.prompt('Segment by which column? For example: Industry, or Industry, Size band', 'Industry');
    if (answer === null) return;
    payload.prompt = answer;
  }
  const asks = document.querySelector<HTMLElement>(`header button[data-action="${name}"][data-prompt]`);
  if (asks) {
    const answer = window.prompt(asks.dataset.prompt, asks.dataset.answer);
    if (answer === null) return;
    payload.prompt = answer;
  }
  const out = await request(ROUTES.run, payload);
  if (out.alerts.some((a) => /rows are more than one live formula/.test(a)) && window.confirm(out.alerts.at(-1))) {
    await request(ROUTES.run, { ...payload, confirm: true });
  }
  if (out.active !== state.sheet) await show(out.active);
  else await refresh();
  say([...out.alerts, ...out.toasts].join(' · ') || `${name} done`, out.alerts.length > 0 && !out.toasts.length);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('header button[data-action]')) {
  button.addEventListener('click', () => {
    const action = button.dataset.action!;
    if (action === 'help') {
      const dialog = document.getElementById('help') as HTMLDialogElement;
      (dialog.querySelector('iframe') as HTMLIFrameElement).src = '/help';
      dialog.showModal();
      return;
    }
    void runAction(action).catch((error: Error) => say(error.message, true));
  });
}

(document.getElementById('csv') as HTMLInputElement).addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  try {
    const { rows } = await request(ROUTES.csv, { csv: await file.text() });
    await show('ICP Accounts');
    say(`Loaded ${file.name}: ${rows} rows`);
    (document.getElementById('sidebar') as HTMLIFrameElement).contentWindow?.location.reload();
  } catch (error) {
    say((error as Error).message, true);
  }
});

window.addEventListener('message', (event) => {
  if (event.origin !== location.origin) return;
  if (event.data?.type === 'icp-workbook-changed' && event.data.name === 'saveCriteria') void refresh();
});

void (async () => {
  const { active } = await request(ROUTES.sheets, {});
  await show(active);
  document.body.dataset.ready = 'true';
})();
