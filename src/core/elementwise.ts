// Element-wise application over ranges, as Sheets users expect from array-aware functions: ranges of one
// shape go cell by cell, single cells apply to every element.

import { type Cell, toGrid } from './cells';
import { icpError } from './errors';
import { T } from './i18n';

export type Result = string | number;

/** Applies `fn` cell by cell; returns a single value when every argument is a single cell. */
export function elementwise(fnName: string, names: readonly string[], args: readonly unknown[], fn: (...cells: Cell[]) => Result): Result | Result[][] {
  const grids = args.map(toGrid);
  let rows = 1;
  let cols = 1;
  let shapeFrom = -1;
  grids.forEach((grid, i) => {
    if (grid.length <= 1 && (grid[0]?.length ?? 0) <= 1) return;
    if (shapeFrom < 0) {
      [rows, cols, shapeFrom] = [grid.length, grid[0].length, i];
    } else if (grid.length !== rows || grid[0].length !== cols) {
      throw icpError(T.shapes_, fnName, names[i], `${grid.length}×${grid[0].length}`, names[shapeFrom], `${rows}×${cols}`);
    }
  });
  const at = (grid: Cell[][], r: number, c: number): Cell => (grid.length <= 1 && (grid[0]?.length ?? 0) <= 1 ? grid[0]?.[0] : grid[r][c]);
  const out: Result[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: Result[] = [];
    for (let c = 0; c < cols; c++) line.push(fn(...grids.map((g) => at(g, r, c))));
    out.push(line);
  }
  return shapeFrom < 0 ? out[0][0] : out;
}

/** NaN and infinities become blank cells. */
export function finiteOrBlank(n: number): Result {
  return Number.isFinite(n) ? n : '';
}
