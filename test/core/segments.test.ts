import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import { churnFromTenure, churnOverPeriod, clv, clvOverHorizon, parseDate, parseMargin, payback, sizeBand } from '../../src/core/metrics';
import { type SegmentMetrics, segmentTable, summarizeSegments } from '../../src/core/segments';

const ASOF = 'asof=2026-01-01';
const TODAY = new Date(2026, 0, 1).getTime();
const d = (y: number, m: number) => new Date(y, m - 1, 1);

/** Accounts shaped like the literature's example: SMB churns fast and cheap, Enterprise slow and costly. */
function literatureTable(): Cell[][] {
  const rows: Cell[][] = [['Company', 'Size band', 'MRR', 'Churned', 'Months', 'CAC']];
  const add = (band: string, n: number, churned: number, mrr: number, months: number, cac: number) => {
    for (let i = 0; i < n; i++) rows.push([`${band} ${i}`, band, mrr, i < churned, months, cac]);
  };
  add('SMB', 40, 10, 500, 10, 1500); // 10 churned over 400 customer-months: 2.5 %/month
  add('Mid-market', 30, 3, 2000, 20, 12000); // 3 over 600: 0.5 %
  add('Enterprise', 10, 1, 10000, 50, 150000); // 1 over 500: 0.2 %
  return rows;
}

function byName(rows: SegmentMetrics[]) {
  return Object.fromEntries(rows.map((r) => [r.segment, r]));
}

describe('segments', () => {
  describe('formulas', () => {
    it('computes churn, CLV and payback as documented', () => {
      expect(churnFromTenure(3, 150)).toBeCloseTo(0.02);
      expect(churnFromTenure(0, 0)).toBeNaN();
      expect(churnOverPeriod(10, 100, 12)).toBeCloseTo(1 - 0.9 ** (1 / 12));
      expect(clv(1000, 0.02, 0.8)).toBeCloseTo(40_000);
      expect(clv(1000, 0, 1)).toBeNaN();
      expect(clvOverHorizon(1000, 0.8, 60)).toBe(48_000);
      expect(payback(9600, 1000, 0.8)).toBeCloseTo(12);
      expect(payback(9600, 0, 0.8)).toBeNaN();
    });

    it('reads margins and dates in the usual spellings', () => {
      expect(parseMargin('80%', 'x')).toBeCloseTo(0.8);
      expect(parseMargin(80, 'x')).toBeCloseTo(0.8);
      expect(parseMargin(0.8, 'x')).toBeCloseTo(0.8);
      expect(() => parseMargin('lots', 'x')).toThrow('x: margin "lots" is not a percentage.');
      expect(parseDate('2026-06-30')).toBe(new Date(2026, 5, 30).getTime());
      expect(parseDate('30.06.2026')).toBe(new Date(2026, 5, 30).getTime());
      expect(parseDate('soon')).toBeNaN();
    });

    it('bands sizes by employees and revenue, the larger band winning', () => {
      expect(sizeBand(120)).toBe('SMB');
      expect(sizeBand(500)).toBe('Mid-market');
      expect(sizeBand(2000)).toBe('Mid-market');
      expect(sizeBand(2001)).toBe('Enterprise');
      expect(sizeBand(120, '$60M')).toBe('Mid-market');
      expect(sizeBand('1.200', '€2bn')).toBe('Enterprise');
      expect(sizeBand('', '1,5 Mio €')).toBe('SMB');
      expect(sizeBand('', '')).toBe('');
    });
  });

  describe('summarizeSegments', () => {
    it('reproduces the literature example: three size segments with different churn, CLV and CAC', () => {
      const rows = byName(summarizeSegments(literatureTable(), 'Size band', 'margin=80%', TODAY));
      expect(Object.keys(rows)).toEqual(['SMB', 'Mid-market', 'Enterprise', 'All']);
      expect(rows.SMB).toMatchObject({ accounts: 40, churned: 10, arpa: 500, cac: 1500 });
      expect(rows.SMB.monthlyChurn).toBeCloseTo(0.025);
      expect(rows.SMB.clv).toBeCloseTo((500 * 0.8) / 0.025); // 16,000
      expect(rows.SMB.clvToCac).toBeCloseTo(16_000 / 1500);
      expect(rows.SMB.paybackMonths).toBeCloseTo(1500 / 400);
      expect(rows['Mid-market'].monthlyChurn).toBeCloseTo(0.005);
      expect(rows['Mid-market'].clv).toBeCloseTo(320_000);
      expect(rows.Enterprise.monthlyChurn).toBeCloseTo(0.002);
      expect(rows.Enterprise.clvToCac).toBeCloseTo(4_000_000 / 150_000);
      expect(rows.Enterprise.paybackMonths).toBeCloseTo(150_000 / 8000);
      expect(rows.Enterprise.health).toBe('✓ CLV:CAC 26.7 ≥ 3 · ✗ payback 18.8 mo > 12 · ✓ churn 0.2%/mo < 5% · ⚠ small segment (10 < 30)');
      expect(rows.SMB.health).toBe('✓ CLV:CAC 10.7 ≥ 3 · ✓ payback 3.8 mo ≤ 12 · ✓ churn 2.5%/mo < 5%');
      expect(rows.All).toMatchObject({ accounts: 80, churned: 14 });
      expect(rows.All.monthlyChurn).toBeCloseTo(14 / 1500);
    });

    it('derives tenure from Customer since to the churn date or the as-of date', () => {
      const table: Cell[][] = [
        ['Industry', 'MRR', 'Churned', 'Customer since', 'Churn date'],
        ['SaaS', 100, false, d(2025, 1), ''],
        ['SaaS', 300, true, d(2025, 1), d(2025, 7)],
      ];
      const [saas] = summarizeSegments(table, 'Industry', ASOF, 0);
      // 12 months + 6 months observed, 1 churned.
      expect(saas.monthlyChurn).toBeCloseTo(1 / 18, 2);
      expect(saas.arpa).toBe(200);
      expect(saas.clv).toBeCloseTo(200 / (1 / 18), -2);
    });

    it('flags zero churn and values CLV over the horizon', () => {
      const table: Cell[][] = [
        ['Industry', 'MRR', 'Churned', 'Months'],
        ['SaaS', 100, 'nein', 12],
        ['SaaS', 100, 'no', 24],
      ];
      const [saas] = summarizeSegments(table, 'Industry', 'horizon=36', TODAY);
      expect(saas.monthlyChurn).toBe(0);
      expect(saas.clv).toBe(3600);
      expect(saas.health).toContain('⚠ no churn observed: CLV over 36 months');
    });

    it('uses the period option when there is no tenure data, and explains when there is neither', () => {
      const table: Cell[][] = [
        ['Industry', 'MRR', 'Churned'],
        ['SaaS', 100, 'x'],
        ['SaaS', 100, ''],
        ['SaaS', 100, ''],
        ['SaaS', 100, ''],
      ];
      const [withPeriod] = summarizeSegments(table, 'Industry', 'period=12', TODAY);
      expect(withPeriod.monthlyChurn).toBeCloseTo(1 - 0.75 ** (1 / 12));
      const [without] = summarizeSegments(table, 'Industry', '', TODAY);
      expect(without.monthlyChurn).toBeNaN();
      expect(without.churnNote).toBe('needs Customer since or Months, or the option period=N');
      expect(segmentTable([without])[1][3]).toBe('— needs Customer since or Months, or the option period=N');
    });

    it('says a segment lacks start dates, not the table, when its accounts have none (lost deals)', () => {
      const table: Cell[][] = [
        ['Outcome', 'MRR', 'Churned', 'Customer since'],
        ['Won', 100, '', new Date(2024, 0, 1)],
        ['Won', 100, 'x', new Date(2023, 0, 1)],
        ['Lost', '', '', ''],
        ['Lost', '', '', ''],
      ];
      const rows = summarizeSegments(table, 'Outcome', '', TODAY);
      const [won, lost] = ['Won', 'Lost'].map((name) => rows.find((r) => r.segment === name)!);
      expect(won.churnNote).toBe('');
      expect(won.monthlyChurn).toBeGreaterThan(0);
      expect(lost.churnNote).toBe('no start date or months here');
      expect(segmentTable([lost])[1][3]).toBe('— no start date or months here');
    });

    it('blanks only the metrics a missing column feeds', () => {
      const table: Cell[][] = [
        ['Industry', 'MRR', 'Churned', 'Months'],
        ['SaaS', 100, true, 10],
        ['SaaS', 300, false, 10],
      ];
      const [saas] = summarizeSegments(table, 'Industry', '', TODAY);
      expect(saas.arpa).toBe(200);
      expect(saas.monthlyChurn).toBeCloseTo(0.05);
      expect(saas.cac).toBeNaN();
      expect(saas.clvToCac).toBeNaN();
      expect(saas.health).toContain('⚠ blank: CAC (CAC, CLV:CAC, payback)');
      expect(segmentTable([saas])[1].slice(4, 9)).toEqual([200, 4000, '', '', '']);
    });

    it('reads German headers and values', () => {
      const table: Cell[][] = [
        ['Firma', 'Branche', 'Monatsumsatz', 'Gekündigt', 'Kunde seit', 'CAC'],
        ['A', 'Software', '1.200', 'ja', '01.01.2025', '6.000'],
        ['B', 'Software', '800', 'nein', '01.01.2025', ''],
      ];
      const [software] = summarizeSegments(table, 'Branche', ASOF, 0);
      expect(software).toMatchObject({ segment: 'Software', accounts: 2, churned: 1, arpa: 1000, cac: 6000 });
      expect(software.monthlyChurn).toBeCloseTo(1 / 24, 2);
    });

    it('segments by several columns, by ICP tier, and sorts by accounts', () => {
      const table: Cell[][] = [
        ['Industry', 'Employees', 'ICP tier', 'ARR', 'Churned', 'Months'],
        ['SaaS', 100, 'A', 12_000, false, 12],
        ['SaaS', 5000, 'B', 120_000, false, 12],
        ['saas ', 120, 'A', 24_000, true, 6],
        ['', '', '', '', '', ''],
      ];
      const rows = summarizeSegments(table, 'Industry, Size band', ASOF, 0);
      expect(rows.map((r) => [r.segment, r.accounts])).toEqual([
        ['SaaS · SMB', 2],
        ['SaaS · Enterprise', 1],
        ['All', 3],
      ]);
      expect(rows[0].arpa).toBe(1500); // ARR ÷ 12
      expect(summarizeSegments(table, 'ICP tier', ASOF, 0).map((r) => r.segment)).toEqual(['A', 'B', 'All']);
    });

    it('takes column names from the options and reports unknown ones', () => {
      const table: Cell[][] = [
        ['Industry', 'Monthly fee', 'Lost', 'Start', 'Cancelled'],
        ['SaaS', 100, true, '2025-01-01', '2025-04-01'],
      ];
      const [saas] = summarizeSegments(table, 'Industry', 'mrr=Monthly fee; churned=Lost; since=Start; end=Cancelled; asof=2026-01-01', 0);
      expect(saas.arpa).toBe(100);
      expect(saas.monthlyChurn).toBeCloseTo(1 / 2.96, 1);
      expect(() => summarizeSegments(table, 'Industry', 'mrr=Fee', 0)).toThrow(
        'ICP_SEGMENTS options, mrr: "Fee" is not a column of the table. Closest: "Monthly fee"',
      );
      expect(() => summarizeSegments(table, 'Sector', '', 0)).toThrow(/ICP_SEGMENTS, segment_by: "Sector" is not a column/);
      expect(() => summarizeSegments(table, 'Industry', 'asof=tomorrow', 0)).toThrow(/asof "tomorrow" is not a date/);
      expect(() => summarizeSegments(table, 'Industry', 'color=red', 0)).toThrow(/"color" is not an option/);
    });

    it('lays the summary out with its header row', () => {
      const table = segmentTable(summarizeSegments(literatureTable(), 'Size band', '', TODAY));
      expect(table[0]).toEqual(['Segment', 'Accounts', 'Churned', 'Monthly churn', 'ARPA', 'CLV', 'CAC', 'CLV:CAC', 'CAC payback (months)', 'Health']);
      expect(table[1].slice(0, 9)).toEqual(['SMB', 40, 10, 0.025, 500, 20000, 1500, 20000 / 1500, 3]);
      expect(table.at(-1)?.[0]).toBe('All');
    });

    it('returns figures at full precision, leaving the rounding to number formats', () => {
      // Payback 1.75 months came back as 1.8 and churn 0.00133 as 0.0013, so formulas on top computed with them.
      const rows: Cell[][] = [['Company', 'Industry', 'MRR', 'CAC', 'Churned', 'Months']];
      for (let i = 0; i < 3; i++) rows.push([`A${i}`, 'SaaS', 1000, 1750, i === 0, 250]);
      const [header, saas] = segmentTable(summarizeSegments(rows, 'Industry', '', TODAY));
      expect(saas[header.indexOf('CAC payback (months)')]).toBe(1.75);
      expect(saas[header.indexOf('Monthly churn')]).toBe(1 / 750);
      expect(saas[header.indexOf('CLV')]).toBe(1000 * 750);
    });
  });
});
