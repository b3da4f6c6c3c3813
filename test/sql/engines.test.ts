// ICP_SQL proven on real engines: the query the bundle writes runs on DuckDB and on PostgreSQL (PGlite) over
// thousands of generated rows, and every row's score, tier and best profile equals what the bundle's
// ICP_SCORE, ICP_TIER and ICP_MATCH return for the same table in the sheet.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, plain } from '../helpers';
import { accounts, CRITERIA, TIERS } from './accounts';
import { asSheet, type Duck, duckdb, type Pg, postgres, type ScoredRow } from './engines';

const ROWS = 4000;
const table = accounts(ROWS);

interface Scenario {
  readonly name: string;
  readonly profile: string;
  readonly options: string;
  readonly tiers: unknown[][] | '';
}

const SCENARIOS: Scenario[] = [
  { name: 'three profiles, missing=zero, default tiers', profile: '', options: '', tiers: '' },
  { name: 'three profiles, missing=neutral, custom tiers', profile: '', options: 'missing=neutral', tiers: TIERS },
  { name: 'one profile with a knock-out, missing=neutral', profile: 'enterprise', options: 'missing=neutral', tiers: '' },
  { name: 'one profile with fractional points, custom tiers', profile: "Café & Straße (O'Brien)", options: '', tiers: TIERS },
];

/** What the sheet shows for the same table: the bundle's custom functions. */
function expected(sheets: ReturnType<typeof bundle>, s: Scenario): ScoredRow[] {
  const sheet = asSheet(table, sheets.Date);
  const column = (result: unknown) => (plain(result) as (string | number)[][]).slice(1).map((r) => r[0]);
  const scores = column(sheets.call('ICP_SCORE', sheet, CRITERIA, s.profile, s.options));
  const tiers = column(sheets.call('ICP_TIER', sheet, CRITERIA, s.profile, s.tiers, s.options));
  const profiles = s.profile === '' ? column(sheets.call('ICP_MATCH', sheet, CRITERIA, s.options)) : scores.map(() => '');
  return table.rows.map((row, i) => ({ id: row[0] as number, score: scores[i] as number, tier: String(tiers[i]), profile: String(profiles[i]) }));
}

/** The rows where the engine and the sheet disagree, with the row's data to see why. */
function differences(actual: ScoredRow[], wanted: ScoredRow[]) {
  expect(actual.length).toBe(wanted.length);
  return wanted
    .map((w, i) => ({ wanted: w, actual: actual[i], row: table.rows[i] }))
    .filter((d) => JSON.stringify(d.wanted) !== JSON.stringify(d.actual))
    .slice(0, 5);
}

describe('ICP_SQL on real engines', () => {
  let sheets: ReturnType<typeof bundle>;
  let duck: Duck;
  let pg: Pg;

  beforeAll(async () => {
    sheets = bundle();
    [duck, pg] = await Promise.all([duckdb(table), postgres(table)]);
  }, 120_000);

  afterAll(async () => {
    duck?.close();
    await pg?.close();
  });

  for (const s of SCENARIOS) {
    describe(s.name, () => {
      let wanted: ScoredRow[];
      beforeAll(() => {
        wanted = expected(sheets, s);
      });

      it('exercises every outcome: several tiers, knock-outs and (with several profiles) every profile', () => {
        const tiers = new Set(wanted.map((w) => w.tier));
        expect(tiers.size).toBeGreaterThanOrEqual(3);
        expect(tiers).toContain('DQ');
        if (s.tiers !== '') expect(tiers).toContain('');
        if (s.profile === '') expect(new Set(wanted.map((w) => w.profile)).size).toBe(4); // three names and blank
      });

      it('DuckDB gives every row the score, tier and profile of the sheet', async () => {
        const sql = sheets.call('ICP_SQL', CRITERIA, s.profile, 'duckdb', s.options, s.tiers) as string;
        expect(differences(await duck.scored(sql), wanted)).toEqual([]);
      }, 60_000);

      it('PostgreSQL gives every row the score, tier and profile of the sheet', async () => {
        const sql = sheets.call('ICP_SQL', CRITERIA, s.profile, 'postgres', s.options, s.tiers) as string;
        expect(differences(await pg.scored(sql), wanted)).toEqual([]);
      }, 60_000);
    });
  }

  it('keeps every column of the table, in order, before the ICP columns', async () => {
    const sql = sheets.call('ICP_SQL', CRITERIA, '', 'duckdb', '', '') as string;
    const names = table.columns.map((c) => c.name);
    const duckRow = (await duck.rows(`${sql} LIMIT 1`))[0];
    expect(Object.keys(duckRow)).toEqual([...names, 'icp_score', 'icp_tier', 'icp_profile']);
    const pgSql = sheets.call('ICP_SQL', CRITERIA, '', 'postgres', '', '') as string;
    expect(Object.keys((await pg.rows(`${pgSql} LIMIT 1`))[0])).toEqual([...names, 'icp_score', 'icp_tier', 'icp_profile']);
  });
});
