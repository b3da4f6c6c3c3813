// Draws a chart the add-on inserted as Sheets would: a column chart with one vertical axis per
// `targetAxisIndex` (titled, with tick labels; `percent` axes as percentages), horizontal gridlines shared
// by both axes, segment labels slanted (and thinned out) when they would not fit level, and a legend on top.

import type { ChartData } from './workbook';

const SVG = 'http://www.w3.org/2000/svg';
/** Sheets' series colours would be blue and red; blue and orange stay apart for colour-blind readers too. */
export const SERIES_COLOURS = ['#1a73e8', '#e8710a', '#188038', '#9334e6'];
const TICK_FONT = 11;
const TITLE_FONT = 12;
/** Gridline counts to choose from: every axis gets the same one, so their ticks sit on the same lines. */
const INTERVALS = [4, 5, 6];
/** Average glyph width of the 11 px sans-serif labels, for laying out without measuring. */
const CHAR = 6.2;

/** The smallest step of 1, 2, 2.5 or 5 × 10^k that covers `max` in `count` steps. */
function niceStep(max: number, count: number): number {
  const raw = (max > 0 && Number.isFinite(max) ? max : 1) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw * (1 - 1e-9)) ?? 10) * power;
}

/**
 * Ticks from 0 for axes whose values reach `maxes`: one gridline count for all (so the ticks of both
 * axes share the gridlines), the count that leaves the least empty room above the tallest bars.
 */
export function axisTicks(maxes: readonly number[]): number[][] {
  const room = (count: number) => maxes.reduce((sum, max) => sum + (niceStep(max, count) * count) / (max > 0 ? max : 1), 0);
  const count = INTERVALS.reduce((best, n) => (room(n) < room(best) - 1e-9 ? n : best));
  return maxes.map((max) => {
    const step = niceStep(max, count);
    return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  });
}

/**
 * A tick label: `12%` / `0.5%` on a percent axis, `1,200` / `2.5` otherwise, with the decimals the step
 * needs, written as the spreadsheet's locale writes numbers (`0,5 %`, `1.200` in German and Danish).
 */
export function tickLabel(value: number, step: number, format: string, locale = 'en-US'): string {
  const percent = format === 'percent';
  const scaled = (v: number) => (percent ? v * 100 : v);
  let decimals = 0;
  while (decimals < 4 && Math.abs(Math.round(scaled(step) * 10 ** decimals) - scaled(step) * 10 ** decimals) > 1e-6) decimals++;
  return new Intl.NumberFormat(locale, { style: percent ? 'percent' : 'decimal', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    value,
  );
}

/** A bar's value in its tooltip: one more decimal than the cells show. */
function valueLabel(value: number, format: string, locale: string): string {
  return format === 'percent'
    ? new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)
    : value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const shorten = (label: string, chars: number) => (label.length > chars ? `${label.slice(0, Math.max(1, chars - 1))}…` : label);

/** The chart as a figure `width` pixels wide: title, legend, then the plot, its numbers as `locale` writes them. */
export function chartFigure(chart: ChartData, width: number, locale = 'en-US'): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.style.width = `${width}px`;
  const caption = document.createElement('figcaption');
  caption.textContent = chart.title;
  const legend = document.createElement('div');
  legend.className = 'legend';
  legend.append(
    ...chart.series.map((series, i) => {
      const item = document.createElement('span');
      item.className = 'item';
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = SERIES_COLOURS[i % SERIES_COLOURS.length];
      item.append(swatch, series.name);
      return item;
    }),
  );
  // The title and legend take about 44 px of the chart's height, as in Sheets.
  const height = Math.max(200, chart.height - 44);
  figure.append(caption, legend, plot(chart, width, height, locale));
  return figure;
}

function plot(chart: ChartData, width: number, height: number, locale: string): SVGSVGElement {
  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': chart.title });
  const axes = chart.axes.length ? chart.axes : [{ title: '', format: '' }];
  const maxes = axes.map((_, a) =>
    Math.max(
      0,
      ...chart.series
        .filter((s) => s.axis === a)
        .flatMap((s) => s.values)
        .filter((v): v is number => v !== null),
    ),
  );
  const ticksOf = axisTicks(maxes);
  const scales = axes.map((axis, a) => {
    const ticks = ticksOf[a];
    const labels = ticks.map((t) => tickLabel(t, ticks[1], axis.format, locale));
    return { ...axis, ticks, labels, top: ticks[ticks.length - 1], room: Math.max(...labels.map((l) => l.length)) * CHAR + 8 };
  });
  const left = 24 + scales[0].room;
  const right = scales[1] ? 24 + scales[1].room : 16;
  const n = Math.max(1, chart.labels.length);
  const band = (width - left - right) / n;
  // Level labels when they fit under their columns; otherwise slanted, as the add-on asks when it can tell.
  const longest = Math.max(0, ...chart.labels.map((l) => Math.min(l.length, 24))) * CHAR;
  const angle = chart.hAxis.slanted || longest > band - 4 ? chart.hAxis.angle || 45 : 0;
  const sin = Math.sin((angle * Math.PI) / 180);
  // Slanted labels are parallel lines `band × sin` apart: show every k-th when that is less than a line.
  const every = angle ? Math.max(1, Math.ceil((TICK_FONT * 1.3) / (band * sin))) : Math.max(1, Math.ceil(longest / Math.max(1, band - 4)));
  const titleRoom = chart.hAxis.title ? TITLE_FONT + 10 : 0;
  const labelRoom = angle ? Math.min(height * 0.4, longest * sin + TICK_FONT + 8) : TICK_FONT + 10;
  const top = 10;
  const bottom = height - labelRoom - titleRoom;
  const y = (value: number, scale: (typeof scales)[number]) => bottom - (value / scale.top) * (bottom - top);

  const grid = el('g', { class: 'gridlines', stroke: '#e0e0e0' });
  scales[0].ticks.forEach((tick) => grid.append(el('line', { x1: left, x2: width - right, y1: y(tick, scales[0]), y2: y(tick, scales[0]) })));
  svg.append(grid);

  chart.series.forEach((series, s) => {
    const scale = scales[Math.min(series.axis, scales.length - 1)];
    const group = band * 0.7;
    const bar = group / chart.series.length;
    series.values.forEach((value, i) => {
      if (value === null) return;
      const x = left + i * band + (band - group) / 2 + s * bar;
      const h = bottom - y(Math.max(0, value), scale);
      const rect = el('rect', { class: 'bar', x, y: bottom - h, width: Math.max(1, bar - 1), height: h, fill: SERIES_COLOURS[s % SERIES_COLOURS.length] });
      rect.append(el('title', {}, `${chart.labels[i]}: ${series.name} ${valueLabel(value, scale.format, locale)}`));
      svg.append(rect);
    });
  });

  svg.append(el('line', { x1: left, x2: width - right, y1: bottom, y2: bottom, stroke: '#5f6368' }));
  scales.forEach((scale, a) => {
    const side = a === 0 ? 'left' : 'right';
    const g = el('g', { class: `axis axis-${side}`, 'font-size': TICK_FONT, fill: '#5f6368' });
    scale.ticks.forEach((tick, i) => {
      const x = a === 0 ? left - 6 : width - right + 6;
      g.append(el('text', { class: 'tick', x, y: y(tick, scale) + 4, 'text-anchor': a === 0 ? 'end' : 'start' }, scale.labels[i]));
    });
    if (scale.title) {
      // Rotated a quarter turn, a title's letters stand on the side away from the plot.
      const x = a === 0 ? 14 : width - 18;
      const middle = (top + bottom) / 2;
      g.append(
        el(
          'text',
          {
            class: 'axis-title',
            x,
            y: middle,
            'font-size': TITLE_FONT,
            fill: '#202124',
            'text-anchor': 'middle',
            transform: `rotate(${a === 0 ? -90 : 90} ${x} ${middle})`,
          },
          scale.title,
        ),
      );
    }
    svg.append(g);
  });

  const labels = el('g', { class: 'x-labels', 'font-size': TICK_FONT, fill: '#3c4043' });
  chart.labels.forEach((label, i) => {
    if (i % every !== 0) return;
    const x = left + (i + 0.5) * band;
    const text = angle
      ? el('text', { class: 'x-label', x, y: bottom + 12, 'text-anchor': 'end', transform: `rotate(${-angle} ${x} ${bottom + 12})` }, shorten(label, 24))
      : el('text', { class: 'x-label', x, y: bottom + 14, 'text-anchor': 'middle' }, shorten(label, Math.max(2, Math.floor((band * every - 4) / CHAR))));
    text.append(el('title', {}, label));
    labels.append(text);
  });
  svg.append(labels);
  if (chart.hAxis.title) {
    svg.append(
      el(
        'text',
        { class: 'axis-title', x: (left + width - right) / 2, y: height - 6, 'font-size': TITLE_FONT, fill: '#202124', 'text-anchor': 'middle' },
        chart.hAxis.title,
      ),
    );
  }
  return svg;
}
