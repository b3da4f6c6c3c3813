// Tables the query meets outside the generated accounts: columns named like the query's own, a table that
// was scored before, numbers under text rules, a PostgreSQL "C" collation, huge points and rows of NULLs.
// Each runs on DuckDB and PostgreSQL (PGlite) and is compared with the bundle's ICP_SCORE, ICP_TIER, ICP_MATCH.

import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteriaToSql } from '../../src/core/sql';
import { bundle, plain } from '../helpers';
import { asSheet, duckdb, postgres, type ScoredRow, type TypedTable } from './engines';

const HEADER = ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'];
type Engine = 'duckdb' | 'postgres';

let sheets: ReturnType<typeof bundle>;
// One database per engine for the file (a PGlite takes seconds to start); each test loads its own table.
let duck: DuckDBConnection;
let pg: PGlite;
let tables = 0;

beforeAll(async () => {
  sheets = bundle();
  duck = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
  pg = await PGlite.create();
}, 60_000);

afterAll(async () => {
  duck?.closeSync();
  await pg?.close();
});

/** What the sheet shows for the table (its rows in id order): score, tier and, with several profiles, the best. */
function sheetScores(table: TypedTable, criteria: unknown[][]): ScoredRow[] {
  const column = (result: unknown) => (plain(result) as (string | number)[][]).slice(1).map((r) => r[0]);
  const sheet = asSheet(table, sheets.Date);
  const scores = column(sheets.call('ICP_SCORE', sheet, criteria));
  const tiers = column(sheets.call('ICP_TIER', sheet, criteria));
  const several = new Set(criteria.slice(1).map((r) => String(r[0]))).size > 1;
  const profiles = several ? column(sheets.call('ICP_MATCH', sheet, criteria)) : scores.map(() => '');
  return table.rows.map((row, i) => ({ id: row[0] as number, score: scores[i] as number, tier: String(tiers[i]), profile: String(profiles[i]) }));
}

/** The table under a new name in the engine's database. */
async function load(engine: Engine, table: TypedTable) {
  const name = `t${++tables}`;
  return { name, ...(engine === 'duckdb' ? await duckdb(table, name, duck) : await postgres(table, name, pg)) };
}

/** The engine's rows for the query ICP_SQL writes, with the sheet's beside them. */
async function both(engine: Engine, table: TypedTable, criteria: unknown[][]) {
  const loaded = await load(engine, table);
  const sql = sheets.call('ICP_SQL', criteria, '', engine, `table=${loaded.name}`, '') as string;
  return { actual: await loaded.scored(sql), wanted: sheetScores(table, criteria), loaded, sql };
}

describe.each(['duckdb', 'postgres'] as const)('%s', (engine) => {
  describe("columns named like the query's own", () => {
    // Every name the query uses for its steps, its helper columns (old and new) and the row it carries.
    const OWN = ['account', 'icp_text', 'icp_rules', 'icp_t1', 'icp_r2', 't1', 'l1', 'r2', 'e1', 'p1', 's1', 'best', 'icp_best', 'icp_scored'];
    const table: TypedTable = {
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'Industry', type: 'text' },
        { name: 'Tech stack', type: 'text' },
        ...OWN.map((name) => ({ name, type: 'text' as const })),
      ],
      rows: [
        [1, 'SaaS', 'HubSpot, Slack', ...OWN.map(() => 'saas')],
        [2, 'Hardware', null, ...OWN.map(() => 'hubspot')],
        [3, null, 'Salesforce', ...OWN.map(() => null)],
      ],
    };
    const criteria = [
      HEADER,
      ['A', 'Industry', 'is', 'SaaS', 10, ''],
      ['A', 'Tech stack', 'includes', 'HubSpot', 5, ''],
      ['B', 'Tech stack', 'contains', 'force', 10, 'x'],
    ];

    it('score as the sheet does and come back untouched, in order, before the ICP columns', async () => {
      const { actual, wanted, loaded, sql } = await both(engine, table, criteria);
      expect(actual).toEqual(wanted);
      const first = (await loaded.rows(`SELECT * FROM (${sql}) AS scored ORDER BY id LIMIT 1`))[0];
      expect(Object.keys(first)).toEqual([...table.columns.map((c) => c.name), 'icp_score', 'icp_tier', 'icp_profile']);
      expect(OWN.map((name) => first[name])).toEqual(OWN.map(() => 'saas'));
    });
  });

  it('refuses a table that already has a column the scores go to, rather than pass its values off as scores', async () => {
    for (const [column, type] of [
      ['icp_score', 'integer'],
      ['icp_tier', 'text'],
      ['icp_profile', 'text'],
    ] as const) {
      const table: TypedTable = {
        columns: [
          { name: 'id', type: 'integer' },
          { name: 'Industry', type: 'text' },
          { name: column, type },
        ],
        rows: [
          [1, 'SaaS', null],
          [2, 'Retail', null],
        ],
      };
      const loaded = await load(engine, table);
      // One profile: the query writes no icp_profile, yet an old one beside new scores would mislead as much.
      const sql = criteriaToSql([HEADER, ['', 'Industry', 'is', 'SaaS', 10, '']], { dialect: engine, table: loaded.name });
      await expect(loaded.scored(sql)).rejects.toThrow(new RegExp(`${column}.*ambiguous|ambiguous.*${column}`, 'i'));
    }
  });

  it('text rules on DECIMAL and DOUBLE columns compare the number as the sheet shows it (4, not 4.00)', async () => {
    const values = [4, 5.5, -0.5, 0, 12.1, 1000000, 0.25, 123.45, null];
    const table: TypedTable = {
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'Rating', type: 'decimal' },
        { name: 'Share', type: 'double' },
      ],
      rows: values.map((v, i) => [i + 1, v, v === null ? null : v / 4]),
    };
    const criteria = [
      HEADER,
      ['', 'Rating', 'is', '4, 5.5, 0, 1000000, 123.45', 10, ''],
      ['', 'Rating', 'contains', '.1', 3, ''],
      ['', 'Share', 'is', '1, 0.125, 1.375, 3.025, 250000', 10, ''],
      ['', 'Share', 'includes', '0.0625', 5, ''],
      ['', 'Rating', 'is not', '-0.5', 4, ''],
    ];
    const { actual, wanted } = await both(engine, table, criteria);
    expect(new Set(wanted.map((w) => w.score)).size).toBeGreaterThan(3);
    expect(actual).toEqual(wanted);
  });

  it('points in the billions add up as in the sheet, without integer overflow', async () => {
    const table: TypedTable = {
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'A', type: 'text' },
        { name: 'B', type: 'text' },
        { name: 'N', type: 'bigint' },
      ],
      rows: [
        [1, 'x', 'y', 5],
        [2, 'x', 'z', 5],
        [3, null, 'y', null],
      ],
    };
    const criteria = [
      HEADER,
      ['', 'A', 'is', 'x', 2_000_000_000, ''],
      ['', 'B', 'is', 'y', 2_000_000_000, ''],
      ['', 'N', '>=', '5', 2_147_483_647, ''],
      ['', 'B', 'is', 'z', -2_000_000_000, ''],
    ];
    const { actual, wanted } = await both(engine, table, criteria);
    expect(wanted.map((w) => w.score)).toEqual([100, 35, 33]);
    expect(actual).toEqual(wanted);
  });

  it('scores a row of NULLs as the sheet scores a row of blank cells (the sheet skips wholly blank rows; SQL has none)', async () => {
    const table: TypedTable = {
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'Industry', type: 'text' },
        { name: 'Employees', type: 'double' },
        { name: 'Notes', type: 'text' },
      ],
      rows: [
        [1, null, null, null],
        [2, 'SaaS', 50, 'x'],
      ],
    };
    const criteria = [HEADER, ['', 'Industry', 'is', 'SaaS', 10, ''], ['', 'Employees', '>=', '10', 10, ''], ['', 'Notes', 'is blank', '', 5, '']];
    const { actual, wanted } = await both(engine, table, criteria);
    expect(actual).toEqual(wanted);
    expect(wanted[0]).toEqual({ id: 1, score: 20, tier: 'D', profile: '' });
    // The id is blank too: nothing tells the row from the end of an open range, yet SQL still scores it.
    const nothing: TypedTable = { columns: table.columns, rows: [[null, null, null, null]] };
    const empty = await load(engine, nothing);
    const sql = criteriaToSql(criteria, { dialect: engine, table: empty.name });
    expect(await empty.scored(sql)).toEqual([{ id: 0, score: 20, tier: 'D', profile: '' }]);
    expect(plain(sheets.call('ICP_SCORE', asSheet(nothing, sheets.Date), criteria))).toEqual([['ICP score'], ['']]);
  });
});

describe('collations', () => {
  // LOWER follows the collation's ctype in PostgreSQL: under "C" it folds ASCII only. Decomposing first and
  // dropping the marks leaves É, Ö, Ü, Å as ASCII letters; Ø and Æ have no decomposition and need a UTF-8 ctype.
  const table: TypedTable = {
    columns: [
      { name: 'id', type: 'integer' },
      { name: 'Industry', type: 'text', collate: { postgres: '"C"', duckdb: 'NOCASE.NOACCENT' } },
    ],
    rows: ['ÉCOLE', 'École', 'ÖL', 'ÜBER', 'ÅR', 'Straße', 'STRASSE', 'ecole', 'Öl GmbH', 'MÜNCHEN'].map((v, i) => [i + 1, v]),
  };
  const criteria = [HEADER, ['', 'Industry', 'is', 'ecole; öl; über; år; strasse', 10, ''], ['', 'Industry', 'contains', 'munch; gmbh', 5, '']];

  it('PostgreSQL: a "C" collated column folds É, Ö, Ü and Å as the sheet does', async () => {
    const { actual, wanted } = await both('postgres', table, criteria);
    expect(wanted.every((w) => w.score > 0)).toBe(true);
    expect(actual).toEqual(wanted);
  });

  it('PostgreSQL: under "C", Ø stays upper case (the README asks for a UTF-8 ctype)', async () => {
    const withO: TypedTable = {
      columns: table.columns,
      rows: [
        [1, 'ØRE'],
        [2, 'øre'],
      ],
    };
    const { actual, wanted } = await both('postgres', withO, [HEADER, ['', 'Industry', 'is', 'øre', 10, '']]);
    expect(wanted.map((w) => w.score)).toEqual([100, 100]);
    expect(actual.map((a) => a.score)).toEqual([0, 100]);
  });

  it("DuckDB: LOWER folds every letter whatever the column's collation (NOCASE.NOACCENT)", async () => {
    const { actual, wanted } = await both('duckdb', { ...table, rows: [...table.rows, [11, 'ØRE']] }, [...criteria, ['', 'Industry', 'is', 'øre', 3, '']]);
    expect(actual).toEqual(wanted);
  });
});
