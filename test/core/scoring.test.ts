import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import { parseCriteria } from '../../src/core/criteria';
import * as icp from '../../src/core/icp';
import { compileCriteria, DISQUALIFIED, explainRow, formatExplanation, scoreRow } from '../../src/core/scoring';
import { readTable } from '../../src/core/table';
import { parseTiers, tierOf } from '../../src/core/tiers';

const HEADER = ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'];
const TABLE: Cell[][] = [
  ['Company', 'Industry', 'Employees', 'Revenue', 'Region', 'Tech stack', 'Case study link'],
  ['Acme', 'SaaS', 120, '1,5 Mio €', 'DACH', 'Slack, Jira', 'https://x'],
  ['Globex', 'Manufacturing', '2.500', '$2bn', 'US', 'SAP', ''],
  ['Initech', 'Fintech', '', '', 'dach', 'HubSpot | Jira', ''],
  ['', '', '', '', '', '', ''],
];

function score(rules: Cell[][], table = TABLE, options = ''): (string | number)[] {
  return icp.scores(icp.scoreSheet(table, [HEADER, ...rules], '', options, 'TEST'));
}

describe('scoring', () => {
  describe('operators', () => {
    it('is / is not compare whole values, ignoring case and accents', () => {
      expect(score([['', 'Industry', 'is', 'saas; fintech', 10, '']])).toEqual([100, 0, 100, '']);
      expect(score([['', 'Region', 'is not', 'US', 10, '']])).toEqual([100, 0, 100, '']);
      expect(score([['', 'Region', '=', 'Dach', 10, '']])).toEqual([100, 0, 100, '']);
    });

    it('includes matches one item of a list cell; contains matches text inside', () => {
      expect(score([['', 'Tech stack', 'includes', 'jira', 10, '']])).toEqual([100, 0, 100, '']);
      expect(score([['', 'Tech stack', 'includes', 'Jir', 10, '']])).toEqual([0, 0, 0, '']);
      expect(score([['', 'Tech stack', 'contains', 'Jir', 10, '']])).toEqual([100, 0, 100, '']);
    });

    it('includes splits a list cell on new lines too, as written in the cell', () => {
      const table: Cell[][] = [['Tech stack'], ['Slack\nJira'], ['Slack Jira']];
      expect(score([['', 'Tech stack', 'includes', 'jira', 10, '']], table)).toEqual([100, 0]);
    });

    it('compares numbers written in any format', () => {
      expect(score([['', 'Employees', 'between', '50-200', 10, '']])).toEqual([100, 0, 0, '']);
      expect(score([['', 'Employees', '>=', '2000', 10, '']])).toEqual([0, 100, 0, '']);
      expect(score([['', 'Employees', '<', '200', 10, '']])).toEqual([100, 0, 0, '']);
      expect(score([['', 'Employees', '>', '120', 10, '']])).toEqual([0, 100, 0, '']);
      expect(score([['', 'Employees', '<=', '120', 10, '']])).toEqual([100, 0, 0, '']);
      expect(score([['', 'Revenue', '>=', '1 Mio', 10, '']])).toEqual([100, 100, 0, '']);
      expect(score([['', 'Revenue', 'between', '1-2 Mio', 10, '']])).toEqual([100, 0, 0, '']);
    });

    it('is blank and is not blank look at presence', () => {
      expect(score([['', 'Case study link', 'is not blank', '', 10, '']])).toEqual([100, 0, 0, '']);
      expect(score([['', 'Employees', 'is blank', '', 10, '']])).toEqual([0, 0, 100, '']);
    });
  });

  describe('points', () => {
    it('scores earned over possible, rounded and clamped to 0–100', () => {
      const rules = [
        ['', 'Industry', 'is', 'SaaS', 40, ''],
        ['', 'Region', 'is', 'DACH', 20, ''],
        ['', 'Employees', '>=', 1000, 30, ''],
        ['', 'Tech stack', 'includes', 'SAP', -50, ''],
      ];
      // possible = 90. Acme 60/90, Globex (30-50)/90 → 0, Initech 20/90.
      expect(score(rules)).toEqual([67, 0, 22, '']);
    });

    it('counts missing data as zero, or leaves it out with missing=neutral', () => {
      const rules = [
        ['', 'Region', 'is', 'DACH', 50, ''],
        ['', 'Employees', '>=', 100, 50, ''],
      ];
      expect(score(rules)).toEqual([100, 50, 50, '']);
      expect(score(rules, TABLE, 'missing=neutral')).toEqual([100, 50, 100, '']);
    });

    it('disqualifies rows that fail or miss a required rule', () => {
      const rules = [
        ['', 'Industry', 'is', 'SaaS, Fintech', 60, ''],
        ['', 'Employees', '>=', 50, 40, 'TRUE'],
      ];
      const scored = icp.scoreSheet(TABLE, [HEADER, ...rules], '', '', 'TEST');
      // Globex has 2.500 employees and passes; Initech has no employee count and misses the required rule.
      expect([...scored.scores]).toEqual([100, 40, DISQUALIFIED, NaN]);
      expect(icp.scores(scored)).toEqual([100, 40, 0, '']);
      expect(icp.tiers(scored, undefined)).toEqual(['A', 'C', 'DQ', '']);
    });

    it('gives 0 when a profile has no positive points', () => {
      expect(score([['', 'Region', 'is', 'US', -10, '']])).toEqual([0, 0, 0, '']);
    });
  });

  describe('profiles', () => {
    const rules = [
      ['SaaS', 'Industry', 'is', 'SaaS', 10, ''],
      ['Enterprise', 'Employees', '>=', 1000, 10, ''],
      ['Enterprise', 'Region', 'is', 'US', 10, 'x'],
    ];
    it('keeps the best profile per row when none is named', () => {
      const scored = icp.scoreSheet(TABLE, [HEADER, ...rules], '', '', 'TEST');
      expect(icp.scores(scored)).toEqual([100, 100, 0, '']);
      expect(icp.bestProfiles(scored)).toEqual(['SaaS', 'Enterprise', 'SaaS', '']);
    });

    it('scores the named profile only, and names the profiles when it does not exist', () => {
      expect(icp.scores(icp.scoreSheet(TABLE, [HEADER, ...rules], 'enterprise', '', 'TEST'))).toEqual([0, 100, 0, '']);
      expect(() => icp.scoreSheet(TABLE, [HEADER, ...rules], 'SMB', '', 'TEST')).toThrow(
        'There is no profile "SMB" in the criteria. Profiles: "SaaS" and "Enterprise".',
      );
    });
  });

  describe('tiers', () => {
    it('uses A 80, B 60, C 40, D by default and custom tiers from a range', () => {
      const defaults = parseTiers('');
      expect([95, 80, 79, 60, 40, 39, 0].map((s) => tierOf(s, false, defaults))).toEqual(['A', 'A', 'B', 'B', 'C', 'D', 'D']);
      const custom = parseTiers([
        ['Tier', 'Min'],
        ['Gold', 70],
        ['Silver', '30'],
      ]);
      expect([70, 30, 29].map((s) => tierOf(s, false, custom))).toEqual(['Gold', 'Silver', '']);
      expect(tierOf(100, true, custom)).toBe('DQ');
    });

    it('names the tiers row at fault', () => {
      expect(() =>
        parseTiers([
          ['Tier', 'Min'],
          ['Gold', 'high'],
        ]),
      ).toThrow('Tiers row 2: the minimum score "high" is not a number.');
    });
  });

  describe('explanations', () => {
    const criteria = parseCriteria([
      HEADER,
      ['', 'Industry', 'is', 'SaaS', 40, ''],
      ['', 'Region', 'is', 'DACH', 20, ''],
      ['', 'Employees', 'between', '50-200', 30, ''],
      ['', 'Tech stack', 'includes', 'SAP', -50, ''],
    ]);
    const table = readTable(TABLE);
    const [scorer] = compileCriteria(criteria, table);

    it('lists every rule in criteria order and the parts sum to the score', () => {
      const e = explainRow(scorer, table.rows[0]);
      expect(e.score).toBe(scoreRow(scorer, table.rows[0]));
      expect(e.parts.map((p) => p.points)).toEqual([45, 22, 33, 0]);
      expect(formatExplanation(e)).toBe(
        '100 = +45 Industry is SaaS · +22 Region is DACH · +33 Employees between 50 and 200 · 0 Tech stack includes SAP (Slack, Jira)',
      );
    });

    it('marks missing data and the floor at zero', () => {
      const initech = explainRow(scorer, table.rows[2]);
      expect(formatExplanation(initech)).toBe(
        '22 = 0 Industry is SaaS (Fintech) · +22 Region is DACH · 0 Employees between 50 and 200 (no data) · 0 Tech stack includes SAP (HubSpot | Jira)',
      );
      const globex = explainRow(scorer, table.rows[1]);
      expect(globex.score).toBe(0);
      expect(globex.parts.reduce((s, p) => s + p.points, 0) + globex.floor).toBe(0);
      expect(formatExplanation(globex)).toMatch(/-56 Tech stack includes SAP · \+56 floor at 0$/);
    });

    it('marks failed required rules', () => {
      const strict = compileCriteria(parseCriteria([HEADER, ['', 'Region', 'is', 'US', 0, 'yes'], ['', 'Industry', 'is', 'SaaS', 10, '']]), table)[0];
      expect(formatExplanation(explainRow(strict, table.rows[0]))).toBe('DQ = ✗ required: Region is US (DACH) · 0 Industry is SaaS');
    });

    it('names the profile when several could win', () => {
      const scored = icp.scoreSheet(TABLE, [HEADER, ['SaaS', 'Industry', 'is', 'SaaS', 10, ''], ['Big', 'Employees', '>', 1000, 10, '']], '', '', 'TEST');
      expect(icp.explanations(scored).slice(0, 2)).toEqual(['[SaaS] 100 = +100 Industry is SaaS', '[Big] 100 = +100 Employees > 1000']);
    });
  });

  describe('table errors', () => {
    it('names the unknown attribute and the closest headers', () => {
      expect(() => score([['', 'Industy', 'is', 'SaaS', 10, '']])).toThrow(
        'Criteria row 2, Attribute: "Industy" is not a column of the table. Closest: "Industry"',
      );
    });

    it('refuses a table that is not a range', () => {
      expect(() => icp.scoreSheet('Acme', [HEADER, ['', 'Industry', 'is', 'SaaS', 10, '']], '', '', 'TEST')).toThrow(/must be a range with its header row/);
    });

    it('refuses unknown options', () => {
      expect(() => score([['', 'Industry', 'is', 'SaaS', 10, '']], TABLE, 'mising=neutral')).toThrow(
        'TEST options: "mising" is not an option. Options: "missing" and "lang".',
      );
      expect(() => score([['', 'Industry', 'is', 'SaaS', 10, '']], TABLE, 'missing=skip')).toThrow(/missing must be "zero" or "neutral"/);
    });
  });
});
