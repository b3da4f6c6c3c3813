// Prints the query tree of query.ts in one dialect. Every name and literal goes through the dialect's
// quoting here, and nowhere else.

import { DIALECTS, type Dialect, type DialectName } from './dialects';
import { type Column, type Expr, OUTPUT_COLUMNS, type Pattern, type Query } from './query';

/** The table's alias, and in a WITH chain the STRUCT column that carries its row from step to step. */
const ROW = 'account';

// JavaScript's \s, which the scorer's normalizeText squashes (RE2's and PostgreSQL's \s are narrower).
const SPACES: readonly (number | readonly [number, number])[] = [
  [0x09, 0x0d],
  0x20,
  0xa0,
  0x1680,
  [0x2000, 0x200a],
  0x2028,
  0x2029,
  0x202f,
  0x205f,
  0x3000,
  0xfeff,
];

function charClass(d: Dialect, chars: readonly (number | readonly [number, number])[]): string {
  const one = (code: number) => (code > 0x20 && code < 0x7f && !/[\\\]^[-]/.test(String.fromCharCode(code)) ? String.fromCharCode(code) : d.regexChar_(code));
  return `[${chars.map((c) => (typeof c === 'number' ? one(c) : `${one(c[0])}-${one(c[1])}`)).join('')}]`;
}

function pattern(d: Dialect, p: Pattern | 'marks'): string {
  switch (p) {
    case 'spaceRuns':
      return `${charClass(d, SPACES)}+`;
    case 'ends':
      return '^ | $';
    case 'itemEdges':
      return ' ?, ?';
    case 'plain':
      return '^[!-~]+( [!-~]+)*$';
    case 'zeros':
      return '(\\.[0-9]*[1-9])0+$|\\.0+$';
    case 'marks':
      return charClass(d, [[0x300, 0x36f]]);
  }
}

function number(d: Dialect, value: number): string {
  // Whole numbers as integers; anything else parsed from text as a double, as JavaScript holds it (a bare
  // 2.5 would be an exact decimal in PostgreSQL and DuckDB).
  const text = Number.isSafeInteger(value) ? String(value) : `CAST(${d.str_(String(value))} AS ${d.double_})`;
  return value < 0 ? `(${text})` : text;
}

function expr(d: Dialect, e: Expr): string {
  const x = (inner: Expr) => expr(d, inner);
  switch (e.k) {
    case 'col':
      return `${ROW}.${d.ident_(e.name_)}`;
    case 'ref':
      return d.row_ ? e.name_ : `${e.step_}.${e.name_}`;
    case 'str': {
      const literal = d.str_(e.value_);
      return e.folded_ && d.foldLiteral_ && /[^\x00-\x7f]/.test(e.value_) ? d.foldLiteral_(literal) : literal;
    }
    case 'num':
      return number(d, e.value_);
    case 'null':
      return 'NULL';
    case 'regex':
      return d.str_(pattern(d, e.pattern_));
    case 'op':
      return `(${e.args_.map(x).join(` ${e.op_} `)})`;
    case 'post':
      return `${x(e.arg_)} ${e.op_}`;
    case 'in':
      return `${x(e.arg_)}${e.not_ ? ' NOT' : ''} IN (${e.values_.map(x).join(', ')})`;
    case 'case':
      return `CASE ${e.when_.map(([w, t]) => `WHEN ${x(w)} THEN ${x(t)}`).join(' ')}${e.otherwise_ ? ` ELSE ${x(e.otherwise_)}` : ''} END`;
    case 'fn': {
      const [a, b, c] = e.args_;
      switch (e.fn_) {
        case 'text':
          return `CAST(${x(a)} AS ${d.text_})`;
        case 'double':
          return `CAST(${x(a)} AS ${d.double_})`;
        case 'int':
          return `CAST(${x(a)} AS ${d.int_})`;
        case 'fold':
          return d.fold_(x(a), d.str_(pattern(d, 'marks')));
        case 'replaceAll':
          return d.replaceAll_(x(a), x(b), x(c));
        case 'matches':
          return d.matches_(x(a), x(b));
        case 'isNaN':
          return d.isNaN_(x(a));
        case 'byType':
          return d.byType_ ? d.byType_(x(a), x(b), x(c)) : x(c);
        default:
          return `${e.fn_}(${e.args_.map(x).join(', ')})`;
      }
    }
  }
}

function columns(d: Dialect, list: readonly Column[], indent: string): string[] {
  return list.map((c, i) => {
    const comment = c.row_ === undefined ? '' : `${indent}-- criteria row ${c.row_}\n`;
    return `${comment}${indent}${expr(d, c.expr_)} AS ${c.name_}${i < list.length - 1 ? ',' : ''}`;
  });
}

// The ICP columns' names as columns of a one-row join, read without a table name: a table that already has a
// column by such a name makes them ambiguous, so every engine refuses the query instead of passing that
// column's old values off as scores.
const NAMES = `CROSS JOIN (SELECT ${OUTPUT_COLUMNS.map((n) => `0 AS ${n}`).join(', ')}) AS icp_names`;
const NAMES_READ = `WHERE ${OUTPUT_COLUMNS.slice(1)
  .map((n, i) => `${OUTPUT_COLUMNS[i]} = ${n}`)
  .join(' AND ')}`;

/** The query as text: a WITH chain that carries the table's row as one STRUCT column where the dialect has
 * STRUCTs, and LATERAL joins elsewhere (PostgreSQL), so the result holds every column of the table and the
 * ICP columns, and the steps' columns never sit beside the table's. */
export function printQuery(query: Query, name: DialectName): string {
  const d = DIALECTS[name];
  const head =
    `-- ICP score${query.outputs_.length > 2 ? ', tier and best profile' : ' and tier'} of every row, written by icp-sheets (ICP_SQL) for ${d.label_}.\n` +
    `-- The table must not have columns named ${OUTPUT_COLUMNS.slice(0, -1).join(', ')} or ${OUTPUT_COLUMNS[2]}: the engine refuses it as ambiguous.\n`;
  const table = `${d.table_(query.table_)} AS ${ROW}`;
  const out = columns(d, query.outputs_, '  ');
  if (d.row_) {
    let from = `${table}\n  ${NAMES}\n  ${NAMES_READ}`;
    const ctes = query.steps_.map((step, i) => {
      const cte = `${step.name_} AS (\n  SELECT\n    ${i === 0 ? `${d.row_} AS ${ROW}` : '*'},\n${columns(d, step.columns_, '    ').join('\n')}\n  FROM ${from}\n)`;
      from = step.name_;
      return cte;
    });
    return `${head}WITH ${ctes.join(', ')}\nSELECT\n  ${ROW}.*,\n${out.join('\n')}\nFROM ${from}\n`;
  }
  // OFFSET 0 keeps PostgreSQL from inlining a step into the next, which would compute its columns again
  // wherever they are used (30 times slower on the tests' criteria).
  const laterals = query.steps_.map(
    (step) => `CROSS JOIN LATERAL (\n  SELECT\n${columns(d, step.columns_, '    ').join('\n')}\n  OFFSET 0\n) AS ${step.name_}`,
  );
  return `${head}SELECT\n  ${ROW}.*,\n${out.join('\n')}\nFROM ${table}\n${NAMES}\n${laterals.join('\n')}\n${NAMES_READ}\n`;
}
