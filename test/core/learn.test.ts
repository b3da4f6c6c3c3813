import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealTable } from '../../bench/data.mjs';
import type { Cell } from '../../src/core/cells';
import { encodeTable } from '../../src/core/columns';
import { parseCriteria } from '../../src/core/criteria';
import { IcpError } from '../../src/core/errors';
import * as icp from '../../src/core/icp';
import { formatNumber, nice } from '../../src/core/learn/candidates';
import { concordance } from '../../src/core/learn/concordance';
import { type Suggestion, suggestCriteria, suggestionTable } from '../../src/core/learn/suggest';
import { validateCriteria, validationTable } from '../../src/core/learn/validate';
import { parseNumber } from '../../src/core/numbers';
import { compileCriteria, MATCH, outcomesAt, scoreTable } from '../../src/core/scoring';
import { readTable } from '../../src/core/table';

const AS_OF = Date.UTC(2026, 5, 30);

/** The deals without their deal value (a second outcome), as a won/lost table. */
function deals(rows: number, seed = 7): Cell[][] {
  return (dealTable(rows, Date, seed) as Cell[][]).map((row) => row.slice(0, 15));
}

/** The points a suggestion gives one account: the sum of the points of the rules its cells match. */
function earned(s: Suggestion, header: readonly string[], row: readonly Cell[]): number {
  const grid = suggestionTable(s);
  const table = readTable([[...header], [...row]]);
  const [scorer] = compileCriteria(parseCriteria(grid), table);
  return outcomesAt(scorer, encodeTable(table.rows), 0).reduce<number>((sum, o, i) => sum + (o === MATCH ? scorer.rules[i].rule.points : 0), 0);
}

/** Brute force: over every pair with different outcomes, 1 when the scores agree, ½ when they tie. */
function pairwise(scores: readonly number[], outcome: readonly number[]): number {
  let pairs = 0;
  let agree = 0;
  for (let i = 0; i < scores.length; i++) {
    for (let j = 0; j < scores.length; j++) {
      if ([scores[i], scores[j], outcome[i], outcome[j]].some(Number.isNaN) || !(outcome[i] > outcome[j])) continue;
      pairs++;
      agree += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return pairs ? agree / pairs : NaN;
}

describe('learning criteria', () => {
  describe('a synthetic set of deals with known drivers', () => {
    const table = deals(4000);
    const header = table[0] as string[];
    const suggestion = suggestCriteria(table, 'Won', '', AS_OF);
    // A typical account; each check changes one attribute and compares the points the rules give.
    const base: Record<string, Cell> = {
      'Account ID': 'A-1',
      Company: 'Test GmbH',
      Industry: 'Media',
      Region: 'US',
      Employees: 20,
      Revenue: 2_000_000,
      'Tech stack': 'Zoho',
      'Case study link': '',
      'Lead source': 'Inbound',
      Segment: 'Alpha',
      Rating: 3,
      Budget: '100k €',
      'Customer since': new Date(2023, 0, 1),
      Notes: 'call',
      Won: '',
    };
    const points = (change: Record<string, Cell>) =>
      earned(
        suggestion,
        header,
        header.map((h) => (h in change ? change[h] : base[h])),
      );

    it('finds the drivers, with the signs they have', () => {
      expect(points({ Industry: 'SaaS' })).toBeGreaterThan(points({}));
      expect(points({ Industry: 'Manufacturing' })).toBeLessThan(points({}));
      expect(points({ Region: 'DACH' })).toBeGreaterThan(points({}));
      expect(points({ 'Tech stack': 'HubSpot, Slack' })).toBeGreaterThan(points({}));
      expect(points({ 'Case study link': 'https://example.com/case/1' })).toBeGreaterThan(points({}));
      expect(points({ Employees: 200, Revenue: 20_000_000 })).toBeGreaterThan(points({}));
      expect(points({ Employees: 200, Revenue: 20_000_000 })).toBeGreaterThan(points({ Employees: 4000, Revenue: 400_000_000 }));
    });

    it('ignores the noise, the ID columns, free text and dates, and says why', () => {
      const used = new Set(suggestion.rules.map((r) => r.attribute));
      for (const noise of ['Lead source', 'Segment', 'Rating', 'Budget', 'Account ID', 'Company', 'Notes', 'Customer since', 'Won']) {
        expect(used.has(noise)).toBe(false);
      }
      expect(suggestion.skipped).toEqual(
        expect.arrayContaining([
          { column: 'Account ID', reason: 'a different value in almost every row (ID-like)' },
          { column: 'Company', reason: 'a different value in almost every row (ID-like)' },
          { column: 'Notes', reason: 'free text: too many different values' },
          { column: 'Customer since', reason: 'dates (for churn, name a start date as tenure=)' },
          { column: 'Won', reason: 'the outcome' },
        ]),
      );
    });

    it('keeps to whole points, at most max_rules rules, each with its evidence recomputed from the rows', () => {
      expect(suggestion.rules.length).toBeGreaterThanOrEqual(5);
      expect(suggestion.rules.length).toBeLessThanOrEqual(20);
      const labelled = table.slice(1).filter((r) => r[14] !== '');
      expect(suggestion.accounts).toBe(labelled.length);
      expect(suggestion.positives).toBe(labelled.filter((r) => /won/i.test(String(r[14]))).length);
      expect(suggestion.leftOut).toBe(table.length - 1 - labelled.length);
      expect(suggestion.baseRate).toBeCloseTo(suggestion.positives / suggestion.accounts, 12);
      const grid = suggestionTable(suggestion);
      const scored = icp.scoreSheet([header, ...labelled], grid, '', '', 'TEST');
      for (const rule of suggestion.rules) {
        expect(Number.isInteger(rule.points) && rule.points !== 0).toBe(true);
        // The evidence, counted independently with the scorer: the accounts a one-rule profile matches.
        const single = [grid[0], [rule.profile, rule.attribute, rule.operator, rule.value, 1, '']];
        const hit = icp.scores(icp.scoreSheet([header, ...labelled], single, '', '', 'TEST')).map((s) => s === 100);
        const wins = labelled.filter((r, i) => hit[i] && /won/i.test(String(r[14]))).length;
        expect(rule.evidence.accounts).toBe(hit.filter(Boolean).length);
        expect(rule.evidence.rate).toBeCloseTo(wins / rule.evidence.accounts, 12);
        expect(rule.evidence.lift).toBeCloseTo(rule.evidence.rate / suggestion.baseRate, 12);
      }
      expect(scored.scores.length).toBe(labelled.length);
    });

    it('estimates the AUC on held-out folds, below the fit to the rows it learned from', () => {
      expect(suggestion.folds).toBe(5);
      expect(suggestion.cvAuc).toBeGreaterThan(0.65);
      expect(suggestion.cvAuc).toBeLessThan(0.8);
      expect(suggestion.cvRange[0]).toBeLessThanOrEqual(suggestion.cvAuc);
      expect(suggestion.cvRange[1]).toBeGreaterThanOrEqual(suggestion.cvAuc);
      const inSample = validateCriteria(table, suggestionTable(suggestion), 'Won', '', '', '', AS_OF).auc;
      expect(inSample).toBeGreaterThan(suggestion.cvAuc - 0.02);
    });

    it('learns what goes with a higher deal value, read from the value column', () => {
      const values = (dealTable(3000) as Cell[][]).map((row) => [...row.slice(0, 14), row[15]]);
      const s = suggestCriteria(values, 'Deal value', '', AS_OF);
      expect(s.kind).toBe('value');
      const byValue = (change: Record<string, Cell>) =>
        earned(
          s,
          values[0] as string[],
          (values[0] as string[]).map((h) => (h in change ? change[h] : base[h])),
        );
      expect(byValue({ Industry: 'SaaS' })).toBeGreaterThan(byValue({}));
      expect(byValue({ Region: 'DACH' })).toBeGreaterThan(byValue({}));
      expect(s.cvAuc).toBeGreaterThan(0.6);
    });
  });

  describe('churn', () => {
    // Monthly churn of 2 %, ×2.2 on the Basic plan, ×0.5 in DACH; customers since up to 36 months before the as-of date.
    function churnTable(rows: number): Cell[][] {
      let seed = 3;
      const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const table: Cell[][] = [['Customer', 'Plan', 'Region', 'Seats', 'Customer since', 'Churned']];
      for (let i = 0; i < rows; i++) {
        const plan = next() < 0.5 ? 'Basic' : 'Pro';
        const region = ['DACH', 'US', 'UK', 'Nordics'][Math.floor(next() * 4)];
        const months = 1 + Math.floor(next() * 36);
        const hazard = 0.02 * (plan === 'Basic' ? 2.2 : 1) * (region === 'DACH' ? 0.5 : 1);
        let churned = false;
        for (let m = 0; m < months && !churned; m++) churned = next() < hazard;
        table.push([`C${i}`, plan, region, 1 + Math.floor(next() * 50), new Date(2026, 5 - months, 30), churned ? 'TRUE' : 'FALSE']);
      }
      return table;
    }
    const table = churnTable(3000);
    const points = (s: Suggestion, change: Record<string, Cell>) =>
      earned(
        s,
        table[0] as string[],
        (table[0] as string[]).map((h) => (h in change ? change[h] : (({ Plan: 'Pro', Region: 'US', Seats: 10 } as Record<string, Cell>)[h] ?? ''))),
      );

    it('models churn per customer-month with tenure=, and gives what goes with churning fewer points', () => {
      const s = suggestCriteria(table, 'Churned', 'tenure=Customer since; asof=2026-06-30', AS_OF);
      expect(s.kind).toBe('churn');
      expect(s.perMonth).toBe(true);
      expect(points(s, { Plan: 'Basic' })).toBeLessThan(points(s, {}));
      expect(points(s, { Region: 'DACH' })).toBeGreaterThan(points(s, {}));
      expect(s.skipped).toContainEqual({ column: 'Customer since', reason: 'the tenure' });
      // Monthly churn: churned accounts over customer-months, as ICP_SEGMENTS measures it.
      const months = table.slice(1).reduce((sum, r) => sum + (AS_OF - (r[4] as Date).getTime()) / ((365.25 / 12) * 86_400_000), 0);
      expect(s.baseRate).toBeCloseTo(s.positives / months, 6);
      expect(suggestionTable(s)[0][7]).toBe('Monthly churn');
    });

    it('takes a Churned column without tenure as a flag, and detects it by its header', () => {
      const s = suggestCriteria(
        table.map((r) => [r[0], r[1], r[2], r[3], r[5]]),
        'Churned',
        '',
        AS_OF,
      );
      expect(s.kind).toBe('churn');
      expect(s.perMonth).toBe(false);
      expect(points(s, { Plan: 'Basic' })).toBeLessThan(points(s, {}));
    });
  });

  describe('German and Danish', () => {
    const translate = (table: Cell[][], words: [string, string], headers: Record<string, string>) =>
      table.map((row, r) =>
        row.map((cell, c) => {
          if (r === 0) return headers[cell as string] ?? cell;
          if (c !== 14) return cell;
          return cell === '' ? '' : /won/i.test(String(cell)) ? words[0] : words[1];
        }),
      );
    const table = deals(3000);

    it('reads gewonnen/verloren under German headers and writes rules on the German columns', () => {
      const german = translate(table, ['gewonnen', 'verloren'], {
        Industry: 'Branche',
        Region: 'Region',
        Employees: 'Mitarbeitende',
        'Tech stack': 'Tech-Stack',
        'Case study link': 'Fallstudie',
        Won: 'Gewonnen',
      });
      const s = suggestCriteria(german, 'gewonnen', '', AS_OF);
      expect(s.kind).toBe('won');
      expect(s.outcome).toBe('Gewonnen');
      expect(s.rules.map((r) => r.attribute)).toEqual(expect.arrayContaining(['Branche', 'Tech-Stack']));
      expect(s.positives).toBe(german.slice(1).filter((r) => r[14] === 'gewonnen').length);
      const english = suggestCriteria(table, 'Won', '', AS_OF);
      expect(s.rules.map((r) => r.points)).toEqual(english.rules.map((r) => r.points));
    });

    it('reads vundet/tabt', () => {
      const s = suggestCriteria(translate(table, ['vundet', 'tabt'], { Won: 'Vundet' }), 'Vundet', '', AS_OF);
      expect(s.positives).toBe(table.slice(1).filter((r) => /won/i.test(String(r[14]))).length);
    });
  });

  describe('properties', () => {
    const row = fc
      .tuple(
        fc.constantFrom('SaaS', 'Fintech', 'Retail', 'Media', ''),
        fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('1.200', '50-200', '', 'n/a')),
        fc.constantFrom('Slack, Jira', 'SAP', '', 'HubSpot | Jira', 'HubSpot'),
        fc.constantFrom('DACH', 'US', 'UK'),
        fc.integer({ min: 0, max: 9 }),
      )
      .map(([industry, employees, stack, region, luck]): Cell[] => {
        // Mostly won in SaaS and Fintech, with one deal in five going the other way, one in ten still open.
        const good = (industry === 'SaaS' || industry === 'Fintech') !== luck < 2;
        return [industry, employees, stack, region, luck === 9 ? '' : good ? (luck % 2 ? 'Won' : 'Closed Won') : luck % 2 ? 'Lost' : 'lost'];
      });
    const HEADER = ['Industry', 'Employees', 'Tech stack', 'Region', 'Won'];
    const learnOrError = (rows: Cell[][]) => {
      try {
        return suggestCriteria([HEADER, ...rows], 'Won', 'min_support=3', AS_OF);
      } catch (error) {
        expect(error).toBeInstanceOf(IcpError);
        return undefined;
      }
    };

    it('is deterministic, ignores row order, writes criteria ICP_SCORE reads, and never a rule on the outcome', () => {
      let learned = 0;
      fc.assert(
        fc.property(
          fc.array(row, { minLength: 20, maxLength: 70 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
          ([rows, shuffled]) => {
            const first = learnOrError(rows as Cell[][]);
            const again = learnOrError(rows as Cell[][]);
            const reordered = learnOrError(shuffled as Cell[][]);
            expect(again).toEqual(first);
            expect(reordered).toEqual(first);
            if (!first) return;
            expect(first.rules.every((r) => r.attribute !== 'Won')).toBe(true);
            if (first.rules.length === 0) return;
            learned++;
            const grid = suggestionTable(first);
            const [profile] = parseCriteria(grid).profiles;
            expect(profile.rules.map((r) => [r.attribute, r.operator, r.points])).toEqual(first.rules.map((r) => [r.attribute, r.operator, r.points]));
            const scores = icp.scores(icp.scoreSheet([HEADER, ...rows], grid, '', '', 'TEST'));
            expect(scores).toHaveLength(rows.length);
          },
        ),
        { seed: 42, numRuns: 25 },
      );
      expect(learned).toBeGreaterThanOrEqual(8); // the properties were checked on real suggestions, not only on errors
    });

    it('concordance equals the brute-force pairwise count, ties half, with whole and fractional scores', () => {
      const score = fc.oneof(fc.integer({ min: -1, max: 100 }), fc.constantFrom(NaN, 0.5, 250, -3));
      const outcome = fc.oneof(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 4 }), fc.constant(NaN));
      fc.assert(
        fc.property(fc.array(fc.tuple(score, outcome), { maxLength: 60 }), (pairs) => {
          const scores = pairs.map((p) => p[0]);
          const outcomes = pairs.map((p) => p[1]);
          const expected = pairwise(scores, outcomes);
          const actual = concordance(scores, outcomes);
          if (Number.isNaN(expected)) expect(actual).toBeNaN();
          else expect(actual).toBeCloseTo(expected, 12);
        }),
        { seed: 9, numRuns: 400 },
      );
    });
  });

  describe('readable thresholds', () => {
    it('rounds edges to readable numbers that read back as themselves', () => {
      expect([137, 480, 1234, 0.137, 7200, 2_400_000, -60].map(nice)).toEqual([150, 500, 1000, 0.15, 7500, 2_500_000, -60]);
      for (const n of [50, 1000, 25_000, 250_000, 2_500_000, 1e9, 1.5e9, 0.075, 7500]) expect(parseNumber(formatNumber(n))).toBe(n);
      expect([25_000, 2_500_000, 1.5e9, 7500].map(formatNumber)).toEqual(['25k', '2.5M', '1.5bn', '7500']);
    });
  });

  describe('errors', () => {
    const table = deals(200);
    const tries: [unknown, unknown, string | RegExp][] = [
      [table, 'Wonn', /outcome: "Wonn" is not a column of the table\. Closest: "Won"/],
      [
        table,
        'Industry',
        /"Industry" is neither won\/lost \(Won, Lost, TRUE, FALSE, gewonnen, verloren, …\) nor a number \(it holds "\w+", "\w+" and "\w+"\)\. Name another column, or write outcome=won, value or churn\./,
      ],
      [table, '', 'ICP_SUGGEST: name the outcome column, e.g. "Won", or give it as a range.'],
      [table, [['Won'], ['Won']], /the outcome range has 2 rows but the table has 201/],
      [
        table,
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        /the outcome must be one column/,
      ],
      [deals(30), 'Won', /ICP_SUGGEST: \d+ won and \d+ lost accounts in "Won"; learning needs at least 10 of each\./],
    ];
    it('names what is wrong, as an IcpError', () => {
      for (const [t, outcome, message] of tries) expect(() => suggestCriteria(t, outcome, '', AS_OF)).toThrow(message);
      for (const [options, message] of [
        ['max_rules=0', 'ICP_SUGGEST options: max_rules must be a whole number from 1 to 50, not "0".'],
        ['min_support=some', 'ICP_SUGGEST options: min_support must be a whole number'],
        ['outcome=profit', 'ICP_SUGGEST options: outcome must be "won", "value" or "churn", not "profit".'],
        ['tenure=Since', 'ICP_SUGGEST options, tenure: "Since" is not a column of the table.'],
        ['asof=yesterday', 'ICP_SUGGEST options: asof "yesterday" is not a date; write it as 2026-06-30.'],
        ['depth=3', 'ICP_SUGGEST options: "depth" is not an option.'],
      ])
        expect(() => suggestCriteria(table, 'Won', options, AS_OF)).toThrow(options.startsWith('tenure') ? /Since/ : message);
      expect(() => suggestCriteria('Acme', 'Won', '', AS_OF)).toThrow(IcpError);
    });
  });
});

describe('validating criteria', () => {
  const table = deals(4000);
  const criteria = [
    ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'],
    ['', 'Industry', 'is', 'SaaS, Fintech', 40, ''],
    ['', 'Region', 'is', 'DACH', 20, ''],
    ['', 'Employees', 'between', '50-999', 25, ''],
    ['', 'Tech stack', 'includes', 'HubSpot', 15, ''],
  ];
  const v = validateCriteria(table, criteria, 'Won', '', '', '', AS_OF);

  it('counts accounts and wins per tier, with shares and lift that add up', () => {
    expect(v.tiers.map((t) => t.tier)).toEqual(['A', 'B', 'C', 'D']);
    expect(v.tiers.reduce((s, t) => s + t.accounts, 0)).toBe(v.accounts);
    expect(v.tiers.reduce((s, t) => s + t.outcome, 0)).toBe(v.positives);
    expect(v.tiers.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1, 12);
    expect(v.tiers.reduce((s, t) => s + t.outcomeShare, 0)).toBeCloseTo(1, 12);
    for (const t of v.tiers) {
      expect(t.rate).toBeCloseTo(t.outcome / t.accounts, 12);
      expect(t.lift).toBeCloseTo(t.rate / v.baseRate, 12);
    }
    // Better tiers win more often.
    expect(v.tiers[0].rate).toBeGreaterThan(v.tiers[3].rate);
  });

  it('computes the AUC as the brute-force pairwise count over the scored accounts', () => {
    const parsed = readTable(table);
    const scores = [...scoreTable(parsed.rows, compileCriteria(parseCriteria(criteria), parsed)).scores];
    const won = parsed.rows.map((r) => (r[14] === '' ? NaN : /won/i.test(String(r[14])) ? 1 : 0));
    expect(v.auc).toBeCloseTo(pairwise(scores, won), 12);
  });

  it('writes the headline and the summary rows with their label first and the number second', () => {
    const a = v.tiers[0];
    const b = v.tiers[1];
    const accounts = Math.round(((a.accounts + b.accounts) / v.accounts) * 100);
    const wins = Math.round(((a.outcome + b.outcome) / v.positives) * 100);
    expect(v.headline.text).toBe(`Tiers A+B: ${accounts} % of accounts, ${wins} % of wins`);
    const grid = validationTable(v);
    expect(grid[0]).toEqual(['Tier', 'Accounts', 'Share of accounts', 'Won', 'Win rate', 'Share of wins', 'Lift']);
    const summary = Object.fromEntries(grid.slice(6).map((r) => [r[0], r[1]]));
    expect(summary.AUC).toBe(Math.round(v.auc * 1000) / 1000);
    expect(summary['Base rate']).toBe(Math.round(v.baseRate * 10000) / 10000);
    expect(summary['Tiers A+B']).toBe(Math.round(((a.outcome + b.outcome) / v.positives) * 1000) / 1000);
    expect(grid.every((r) => r.length === 7)).toBe(true);
  });

  it('warns about small samples and empty tiers, and reads value outcomes as concordance', () => {
    const small = validateCriteria(
      table.slice(0, 40),
      criteria,
      'Won',
      '',
      [
        ['Tier', 'Min'],
        ['Top', 101],
        ['Rest', 0],
      ],
      '',
      AS_OF,
    );
    expect(small.warnings[0]).toMatch(/^Only \d+ (won|lost) accounts: the AUC and the rates are rough/);
    expect(small.warnings).toContain('Tier Top has no accounts.');
    const withValue = (dealTable(2000) as Cell[][]).map((r) => [...r.slice(0, 14), r[15]]);
    const byValue = validateCriteria(withValue, criteria, 'Deal value', '', '', '', AS_OF);
    expect(byValue.kind).toBe('value');
    const parsed = readTable(withValue);
    const scores = [...scoreTable(parsed.rows, compileCriteria(parseCriteria(criteria), parsed)).scores];
    expect(byValue.auc).toBeCloseTo(
      pairwise(
        scores,
        parsed.rows.map((r) => r[14] as number),
      ),
      12,
    );
    expect(byValue.headline.text).toMatch(/of value$/);
  });
});

describe('the outcome as a range', () => {
  it('is read beside the table, and never learned from when it is one of the table’s columns', () => {
    const table = deals(1500);
    const won = table.map((row) => [row[14]]);
    const beside = suggestCriteria(
      table.map((row) => row.slice(0, 14)),
      won,
      '',
      AS_OF,
    );
    expect(beside.outcome).toBe('Won');
    expect(beside.rules.length).toBeGreaterThan(0);
    const inside = suggestCriteria(table, won.slice(1), '', AS_OF);
    expect(inside.outcome).toBe('Outcome');
    expect(inside.rules.every((r) => r.attribute !== 'Won')).toBe(true);
    expect(inside.skipped).toContainEqual({ column: 'Won', reason: 'the outcome' });
    expect(inside.rules).toEqual(beside.rules);
  });
});
