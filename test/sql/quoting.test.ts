// Hostile names and values cannot break or inject into the query: column names, table names, values,
// profile names and tier labels full of quotes, backslashes, new lines and SQL run on DuckDB and PostgreSQL,
// score as the sheet does, and leave every table in place.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteriaToSql } from '../../src/core/sql';
import { bundle, plain } from '../helpers';
import { HOSTILE } from './accounts';
import { asSheet, type Duck, duckdb, type Pg, postgres, type ScoredRow, type SqlValue, type TypedTable } from './engines';

const TABLE_NAME = `my "accounts"; DROP TABLE sentinel; --`;
const COLUMN_A = `Tech "stack" it's \\ -- x`;
const COLUMN_B = `Wert'); DROP TABLE sentinel; --`;

const table: TypedTable = {
  columns: [
    { name: 'id', type: 'integer' },
    { name: COLUMN_A, type: 'text' },
    { name: COLUMN_B, type: 'text' },
  ],
  rows: Array.from({ length: 300 }, (_, i): SqlValue[] => [
    i + 1,
    i % 7 === 0 ? null : `${HOSTILE[i % HOSTILE.length]}, ${HOSTILE[(i * 5) % HOSTILE.length]}`,
    i % 11 === 0 ? null : HOSTILE[(i * 3) % HOSTILE.length],
  ]),
};

const CRITERIA = [
  ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'],
  ['P\'1 \\ "x" --', COLUMN_A, 'includes', "O'Reilly; back\\slash; two\nlines; '; DROP TABLE sentinel; --; `tick`", 30, ''],
  ['P\'1 \\ "x" --', COLUMN_B, 'is', "it''s; \\'; \"double\"; $$dollar$$", 20, ''],
  ['P\'1 \\ "x" --', COLUMN_B, 'contains', '%_like_%; /* comment */; \\', 10, ''],
  ['*/ SELECT 1; --', COLUMN_A, 'contains', 'tab\there; c:\\new', 25, ''],
  ['*/ SELECT 1; --', COLUMN_B, 'is not blank', '', '', 'TRUE'],
];
const TIERS = [
  ["'; DROP TABLE sentinel; --", 50],
  ['back\\slash \n new line', 20],
  ['`tick`', 0],
];

describe('quoting on real engines', () => {
  let sheets: ReturnType<typeof bundle>;
  let duck: Duck;
  let pg: Pg;
  let wanted: ScoredRow[];

  beforeAll(async () => {
    sheets = bundle();
    [duck, pg] = await Promise.all([duckdb(table, TABLE_NAME), postgres(table, TABLE_NAME)]);
    await duck.rows('CREATE TABLE sentinel (x INTEGER)');
    await pg.rows('CREATE TABLE sentinel (x INTEGER)');
    const sheet = asSheet(table, sheets.Date);
    const column = (result: unknown) => (plain(result) as (string | number)[][]).slice(1).map((r) => String(r[0]));
    const scores = column(sheets.call('ICP_SCORE', sheet, CRITERIA));
    const tiers = column(sheets.call('ICP_TIER', sheet, CRITERIA, '', TIERS));
    const profiles = column(sheets.call('ICP_MATCH', sheet, CRITERIA));
    wanted = table.rows.map((row, i) => ({ id: row[0] as number, score: Number(scores[i]), tier: tiers[i], profile: profiles[i] }));
  }, 60_000);

  afterAll(async () => {
    duck?.close();
    await pg?.close();
  });

  it('the rows reach every hostile tier label and both profiles', () => {
    expect(new Set(wanted.map((w) => w.tier))).toEqual(new Set(TIERS.map(([label]) => String(label))));
    expect(new Set(wanted.map((w) => w.profile)).size).toBeGreaterThanOrEqual(2);
  });

  for (const dialect of ['duckdb', 'postgres'] as const) {
    it(`${dialect}: scores as the sheet does and drops nothing`, async () => {
      const engine = dialect === 'duckdb' ? duck : pg;
      const sql = criteriaToSql(CRITERIA, { dialect, table: TABLE_NAME, tiers: TIERS.map(([label, min]) => ({ label: String(label), min: Number(min) })) });
      expect(await engine.scored(sql)).toEqual(wanted);
      expect((await engine.rows('SELECT count(*) AS n FROM sentinel'))[0].n).toBe(dialect === 'duckdb' ? 0n : 0);
      // The hostile column names come back as they were.
      expect(Object.keys((await engine.rows(`${sql} LIMIT 1`))[0])).toEqual(['id', COLUMN_A, COLUMN_B, 'icp_score', 'icp_tier', 'icp_profile']);
    });
  }
});

/** Reads a BigQuery quoted string or identifier back, by the escapes BigQuery documents. */
function unquoteBigQuery(literal: string): string {
  const quote = literal[0];
  expect(literal.at(-1)).toBe(quote);
  const body = literal.slice(1, -1);
  expect(body).not.toMatch(/[\n\r]/);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    expect(c === quote).toBe(false); // every quote inside is escaped
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === 'n') out += '\n';
    else if (e === 'r') out += '\r';
    else if (e === 't') out += '\t';
    else if (e === 'x') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if ('\\\'"`'.includes(e)) out += e;
    else throw new Error(`unexpected escape \\${e}`);
  }
  return out;
}

describe('quoting for BigQuery (checked against its documented escapes; BigQuery cannot run here)', () => {
  const values = [...HOSTILE, 'bell\x07', 'del\x7f', 'crlf\r\n', 'ünïcödé ß', "'", '`', '\\\\'];

  it('string literals read back as the value, with no raw new line or unescaped quote', () => {
    const sql = criteriaToSql([['Profile', 'Attribute', 'Operator', 'Value', 'Points'], ...values.map((v, i) => [v, `c${i}`, 'is blank', '', 1])], {
      dialect: 'bigquery',
    });
    const line = sql.split('\n').find((l) => l.endsWith('AS icp_profile')) ?? '';
    const names = [...line.matchAll(/THEN ('(?:[^'\\]|\\.)*') /g)].map((m) => unquoteBigQuery(m[1]));
    expect(names).toEqual(values.map((v) => v.trim()));
  });

  it('identifiers and table paths read back as written', () => {
    const column = "Tech stack & co: 50% <new> #1 |x| it's";
    const sql = criteriaToSql(
      [
        ['Attribute', 'Operator', 'Points'],
        [column, 'is blank', 1],
      ],
      { table: 'my-project.crm`x.accounts' },
    );
    const idents = [...sql.matchAll(/(`(?:[^`\\]|\\.)*`)/g)].map((m) => unquoteBigQuery(m[1]));
    expect(idents).toContain(column);
    expect(idents).toContain('my-project.crm`x.accounts');
  });
});
