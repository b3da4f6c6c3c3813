// ICP_SQL's generator: golden queries per dialect (BigQuery's only proof, as it cannot run here), the names
// and options it accepts, and the errors it gives, each naming the criteria row or option at fault.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IcpError } from '../../src/core/errors';
import { assertUnscored, criteriaToSql, type DialectName, icpSql } from '../../src/core/sql';
import { snakeCase } from '../../src/core/sql/query';
import { example } from '../helpers';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql-golden');
const HEADER = ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'];

function error(run: () => unknown): IcpError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(IcpError);
    return e as IcpError;
  }
  throw new Error('expected an IcpError');
}

describe('ICP_SQL', () => {
  describe('golden queries (UPDATE_GOLDEN=1 rewrites them after a deliberate change)', () => {
    for (const dialect of ['bigquery', 'postgres', 'duckdb'] as DialectName[]) {
      it(`${dialect}: the example criteria, missing=neutral, the example tiers`, () => {
        const sql = icpSql(example('criteria.csv'), '', dialect, 'table=my-project.crm.accounts; missing=neutral', example('tiers.csv'));
        const file = path.join(GOLDEN, `${dialect}.sql`);
        if (process.env.UPDATE_GOLDEN) writeFileSync(file, sql);
        expect(sql).toBe(readFileSync(file, 'utf8'));
      });
    }

    it('BigQuery uses only the functions the README links to', () => {
      const sql = readFileSync(path.join(GOLDEN, 'bigquery.sql'), 'utf8');
      const functions = new Set([...sql.matchAll(/\b([A-Z_]+)\(/g)].map((m) => m[1]));
      expect([...functions].sort()).toEqual([
        'CAST',
        'COALESCE',
        'FLOOR',
        'GREATEST',
        'IS_NAN',
        'LEAST',
        'LOWER',
        'NORMALIZE',
        'NULLIF',
        'REGEXP_CONTAINS',
        'REGEXP_REPLACE',
        'REPLACE',
        'STRPOS',
        'TRANSLATE',
      ]);
      const readme = readFileSync(path.join(GOLDEN, '../../../README.md'), 'utf8');
      const linked = [...functions].filter((fn) => readme.includes(`[\`${fn}\`](https://cloud.google.com/bigquery/docs/reference/standard-sql/`));
      expect(linked).toEqual([...functions]);
    });
  });

  describe('shape', () => {
    const criteria = [HEADER, ['', 'Industry', 'is', 'SaaS', 10, ''], ['', 'Employees', '>=', '50', 5, '']];

    it('one profile gives icp_score and icp_tier; several add icp_profile', () => {
      expect(criteriaToSql(criteria)).not.toMatch(/END AS icp_profile$/m);
      const two = [...criteria, ['Other', 'Industry', 'is', 'Retail', 10, '']];
      expect(criteriaToSql(two)).toMatch(/END AS icp_profile$/m);
      expect(criteriaToSql(two, { profile: 'other' })).not.toMatch(/END AS icp_profile$/m);
    });

    it('quotes the table path per dialect; accounts is the default', () => {
      expect(criteriaToSql(criteria)).toContain('FROM `accounts`');
      expect(criteriaToSql(criteria, { table: 'my-project.crm.accounts' })).toContain('FROM `my-project.crm.accounts`');
      expect(criteriaToSql(criteria, { dialect: 'postgres', table: 'crm.Accounts' })).toContain('FROM "crm"."Accounts" AS account');
      expect(criteriaToSql(criteria, { dialect: 'duckdb', table: 'main.accounts' })).toContain('FROM "main"."accounts"');
    });

    it('names columns as written, or in snake_case with columns=snake', () => {
      const stack = [HEADER, ['', 'Tech  stack', 'includes', 'HubSpot', 10, ''], ['', 'Größe (Mitarbeitende)', '>', '5', 1, '']];
      expect(criteriaToSql(stack, { dialect: 'duckdb' })).toContain('"Tech stack"');
      const snake = icpSql(stack, '', 'bigquery', 'columns=snake', '');
      expect(snake).toContain('`tech_stack`');
      expect(snake).toContain('`grosse_mitarbeitende`');
      expect(snakeCase(' Region (HQ) ')).toBe('region_hq');
      expect(snakeCase('Kunde seit')).toBe('kunde_seit');
    });

    it('asks columnOf for every rule, so a caller that knows the table can check each one', () => {
      const seen: number[] = [];
      const sql = criteriaToSql([HEADER, ['', 'Revenue', 'contains', 'x', 1, ''], ['', 'revenue ', '>=', '5', 1, '']], {
        dialect: 'duckdb',
        columnOf: (rule) => {
          seen.push(rule.row);
          return 'Umsatz';
        },
      });
      expect(seen).toEqual([2, 3]);
      expect(sql).toContain('(account."Umsatz" >= 5)');
    });

    it('writes fractional points as doubles parsed from text, whole ones as integers', () => {
      const sql = criteriaToSql([HEADER, ['', 'Industry', 'is', 'SaaS', 2.5, ''], ['', 'Region', 'is', 'DACH', -20, '']], { dialect: 'postgres' });
      expect(sql).toContain("CAST('2.5' AS DOUBLE PRECISION)");
      expect(sql).toContain('(-20)');
    });

    it('ICP_SQL reads dialects and options in any case, and tiers as ICP_TIER does', () => {
      expect(icpSql(criteria, '', 'PostgreSQL', '', '')).toContain('CROSS JOIN LATERAL');
      expect(icpSql(criteria, '', [['DuckDB']], [['missing', 'Neutral']], '')).toContain('STRUCT_PACK(*COLUMNS(account.*)) AS account');
      expect(
        icpSql(criteria, '', '', 'Missing=neutral', [
          ['Tier', 'Minimum score'],
          ['Hot', 70],
        ]),
      ).toContain("THEN 'Hot'");
    });
  });

  describe('errors name what is at fault', () => {
    const rule = (attribute: string, operator = 'is', value: unknown = 'x', points: unknown = 10) => [HEADER, ['', attribute, operator, value, points, '']];

    it('an unknown dialect or option', () => {
      expect(error(() => icpSql(rule('Industry'), '', 'mysql', '', '')).message).toBe(
        'ICP_SQL: dialect "mysql" is not one of "bigquery", "postgres" and "duckdb".',
      );
      expect(error(() => icpSql(rule('Industry'), '', '', 'tabel=x', '')).message).toMatch(/^ICP_SQL options: "tabel" is not an option/);
      expect(error(() => icpSql(rule('Industry'), '', '', 'missing=skip', '')).message).toBe(
        'ICP_SQL options: missing must be "zero" or "neutral", not "skip".',
      );
      expect(error(() => icpSql(rule('Industry'), '', '', 'columns=camel', '')).message).toBe(
        'ICP_SQL options: columns must be "exact" or "snake", not "camel".',
      );
      expect(error(() => icpSql(rule('Industry'), '', '', 'table=crm..accounts', '')).message).toMatch(/table "crm\.\.accounts" should read name/);
      expect(error(() => icpSql(rule('Industry'), 'SMB', '', '', '')).message).toMatch(/There is no profile "SMB"/);
    });

    it('an attribute that cannot be a column in the dialect, with the way out', () => {
      const bq = error(() => criteriaToSql(rule('Region (HQ)')));
      expect(bq.message).toBe(
        'Criteria row 2, Attribute: "Region (HQ)" cannot be a column in SQL: BigQuery column names cannot hold "(". Name the column region_hq and add the option columns=snake, or rename it.',
      );
      expect(bq.at).toMatchObject({ row: 2, column: 'Attribute' });
      expect(criteriaToSql(rule('Region (HQ)'), { columns: 'snake' })).toContain('`region_hq`');
      expect(criteriaToSql(rule('Region (HQ)'), { dialect: 'postgres' })).toContain('"Region (HQ)"');
      const long = 'Umsatz pro Mitarbeitendem im letzten vollständigen Geschäftsjahr';
      expect(error(() => criteriaToSql(rule(long), { dialect: 'postgres' })).message).toMatch(/PostgreSQL names have at most 63 bytes/);
      expect(error(() => criteriaToSql(rule('%%'), { columns: 'snake' })).message).toMatch(
        /^Criteria row 2, Attribute: "%%" cannot be a column in SQL: it has no letters or digits/,
      );
    });

    it('numbers too large for SQL and NUL characters', () => {
      expect(error(() => criteriaToSql(rule('Employees', '>=', '9'.repeat(400)))).message).toBe(
        'Criteria row 2, Value: the number is too large to write in SQL.',
      );
      expect(error(() => criteriaToSql(rule('Employees', '>=', 5, '9'.repeat(400)))).message).toBe(
        'Criteria row 2, Points: the number is too large to write in SQL.',
      );
      expect(error(() => criteriaToSql(rule('Industry', 'is', 'a\0b'))).message).toMatch(/^Criteria row 2, Value: it holds a NUL character/);
      expect(error(() => criteriaToSql(rule('Indu\0stry'))).message).toMatch(/it holds a NUL character/);
    });

    it('a table that already has a column the scores go to, for callers that see its columns', () => {
      expect(() => assertUnscored(['Company', 'icp', 'ICP score', 'scores'], 'accounts.csv')).not.toThrow();
      expect(error(() => assertUnscored(['Company', 'ICP_Score'], 'accounts.csv')).message).toBe(
        'accounts.csv already has the column "ICP_Score", where the scores go (was it scored before?). Score the table without it: remove or rename that column.',
      );
      expect(error(() => assertUnscored(['icp_profile', 'Company', 'icp_tier'], 'the table')).message).toMatch(
        /^the table already has the columns "icp_profile" and "icp_tier", where/,
      );
    });

    it('a query longer than a cell holds', () => {
      const many = [HEADER, ...Array.from({ length: 300 }, (_, i) => ['', `Column ${i}`, 'is', 'x', 1, ''])];
      expect(error(() => icpSql(many, '', '', '', '')).message).toMatch(/^ICP_SQL: the query has \d+ characters, more than the 50000 a cell holds/);
      expect(criteriaToSql(many).length).toBeGreaterThan(50_000);
      const huge = [HEADER, ...Array.from({ length: 10_000 }, (_, i) => ['', `Column ${i % 9}`, 'is', 'x', 1, ''])];
      expect(error(() => icpSql(huge, '', '', '', '')).message).toBe("ICP_SQL: 10000 rules make a query longer than a cell's 50000 characters.");
    });

    it('any input gives a query or an IcpError, never another error', () => {
      const cell = fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(
          'is',
          'includes',
          'between',
          '>=',
          'is blank',
          'contains',
          '50-100',
          'TRUE',
          '',
          'constructor',
          '__proto__',
          'table=a.b',
          'missing=neutral',
        ),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
      );
      const grid = fc.array(fc.array(cell, { minLength: 0, maxLength: 7 }), { maxLength: 6 }).map((rows) => [HEADER, ...rows]);
      fc.assert(
        fc.property(grid, cell, cell, cell, cell, (criteria, profile, dialect, options, tiers) => {
          for (const d of [dialect, 'postgres', 'duckdb']) {
            try {
              expect(typeof icpSql(criteria, profile, d, options, tiers)).toBe('string');
            } catch (e) {
              expect(e).toBeInstanceOf(IcpError);
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});
