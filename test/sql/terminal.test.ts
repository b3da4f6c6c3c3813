// npm run score -- FILE --engine duckdb: the terminal scores Parquet and CSV files through ICP_SQL's query
// and writes rows that match the sheet's scores; a numeric rule on a text column names the criteria row.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvToValues } from '../../tools/csv.mjs';
import { bundle, plain } from '../helpers';
import { accounts, CRITERIA, TIERS } from './accounts';
import { asSheet, type Duck, duckdb } from './engines';

const run = promisify(execFile);
const TOOL = path.join(path.dirname(new URL(import.meta.url).pathname), '../../tools/score-csv.mjs');

function csv(rows: unknown[][]): string {
  const field = (v: unknown) => {
    const text = String(v ?? '');
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((r) => r.map(field).join(',')).join('\n')}\n`;
}

describe('npm run score -- --engine duckdb', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'icp-score-'));
  const file = (name: string) => path.join(dir, name);
  const table = accounts(1500, 11);
  let duck: Duck;

  beforeAll(async () => {
    duck = await duckdb(table);
    await duck.rows(`COPY accounts TO '${file('accounts.parquet')}' (FORMAT parquet)`);
    writeFileSync(file('criteria.csv'), csv(CRITERIA));
    writeFileSync(file('tiers.csv'), csv(TIERS));
  }, 60_000);

  afterAll(() => {
    duck?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scores a Parquet file into Parquet exactly as the sheet scores the same rows', async () => {
    const { stdout } = await run('node', [
      TOOL,
      file('accounts.parquet'),
      '--criteria',
      file('criteria.csv'),
      '--tiers',
      file('tiers.csv'),
      '--missing',
      'neutral',
      '--engine',
      'duckdb',
      '--out',
      file('scored.parquet'),
    ]);
    expect(stdout).toMatch(/^Scored 1,500 rows in [\d.]+ s with DuckDB → .*scored\.parquet\nTiers: /);
    const scored = await duck.rows(`SELECT id, icp_score, icp_tier, icp_profile FROM read_parquet('${file('scored.parquet')}') ORDER BY id`);

    const sheets = bundle();
    const sheet = asSheet(table, sheets.Date);
    // The tool reads criteria and tiers from CSV as Sheets would store them.
    const criteria = csvToValues(readFileSync(file('criteria.csv'), 'utf8'));
    const tiers = csvToValues(readFileSync(file('tiers.csv'), 'utf8'));
    const column = (result: unknown) => (plain(result) as (string | number)[][]).slice(1).map((r) => r[0]);
    const score = column(sheets.call('ICP_SCORE', sheet, criteria, '', 'missing=neutral'));
    const tier = column(sheets.call('ICP_TIER', sheet, criteria, '', tiers, 'missing=neutral'));
    const profile = column(sheets.call('ICP_MATCH', sheet, criteria, 'missing=neutral'));
    expect(scored.map((r) => [r.id, r.icp_score, r.icp_tier ?? '', r.icp_profile ?? ''])).toEqual(
      table.rows.map((row, i) => [row[0], score[i], tier[i], profile[i]]),
    );
  }, 60_000);

  it('scores a CSV file into CSV like the JS engine does', async () => {
    const rows = [
      ['Company', 'Industry', 'Employees', 'Region', 'Tech stack'],
      ...table.rows.map((r) => [`Account ${r[0]}`, r[2] ?? '', Number.isFinite(r[5]) ? Math.round(r[5] as number) : '', r[3] ?? '', r[4] ?? '']),
    ];
    writeFileSync(file('plain.csv'), csv(rows));
    const plainCriteria = CRITERIA.filter((r, i) => i === 0 || ['Industry', 'industry', 'Employees', 'Region', 'Tech stack'].includes(String(r[1])));
    writeFileSync(file('plain-criteria.csv'), csv(plainCriteria));
    const args = [TOOL, file('plain.csv'), '--criteria', file('plain-criteria.csv')];
    await run('node', [...args, '--engine', 'duckdb', '--out', file('duck.csv')]);
    await run('node', [...args, '--out', file('js.csv')]);
    const fromDuck = await duck.rows(`SELECT "Company", icp_score, icp_tier, icp_profile FROM read_csv('${file('duck.csv')}', all_varchar = true)`);
    const fromJs = await duck.rows(`SELECT "Company", icp_score, icp_tier, icp_profile FROM read_csv('${file('js.csv')}', all_varchar = true)`);
    expect(fromDuck.length).toBe(1500);
    const key = (r: Record<string, unknown>) => String(r.Company);
    expect([...fromDuck].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...fromJs].sort((a, b) => key(a).localeCompare(key(b))));
  }, 60_000);

  it('refuses a file that was scored before, in both engines, naming the columns the scores go to', async () => {
    const rows = [
      ['Company', 'Industry', 'Employees'],
      ['Acme', 'SaaS', 120],
      ['Globex', 'Retail', 4000],
    ];
    writeFileSync(file('again.csv'), csv(rows));
    writeFileSync(file('again-criteria.csv'), csv([CRITERIA[0], ['', 'Industry', 'is', 'SaaS', 10, '']]));
    const args = [TOOL, '--criteria', file('again-criteria.csv')];
    await run('node', [...args, file('again.csv'), '--engine', 'duckdb', '--out', file('scored-once.csv')]);
    const scored = csvToValues(readFileSync(file('scored-once.csv'), 'utf8'));
    expect(scored[0]).toEqual(['Company', 'Industry', 'Employees', 'icp_score', 'icp_tier']);
    for (const engine of ['duckdb', 'js']) {
      const result = await run('node', [...args, file('scored-once.csv'), '--engine', engine, '--out', file(`scored-twice-${engine}.csv`)]).catch(
        (e: { stderr: string; code: number }) => e,
      );
      expect(result).toMatchObject({ code: 1 });
      expect((result as { stderr: string }).stderr).toBe(
        'scored-once.csv already has the columns "icp_score" and "icp_tier", where the scores go (was it scored before?). ' +
          'Score the table without them: remove or rename those columns.\n',
      );
      expect(existsSync(file(`scored-twice-${engine}.csv`))).toBe(false);
    }
  }, 60_000);

  it('names the criteria row when a numeric rule reads a text column', async () => {
    const result = await run('node', [TOOL, 'examples/accounts.csv', '--engine', 'duckdb']).catch((e: { stderr: string; code: number }) => e);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toMatch(/^Criteria row 9, Attribute: "Revenue" is VARCHAR in accounts\.csv, and ">=" compares numbers\./);
  }, 60_000);
});
