import { describe, expect, it } from 'vitest';
import { attributeHeaders, detectHeaderRow, freeColumns, frequentValues, nameColumn, starterRules, tableWidth } from '../../src/core/account-sheet';

describe('account sheet', () => {
  describe('detectHeaderRow', () => {
    it('finds the header under a title row, and -1 for an empty sheet', () => {
      expect(
        detectHeaderRow([
          ['Company', 'Industry'],
          ['Acme', 'SaaS'],
        ]),
      ).toBe(0);
      expect(
        detectHeaderRow([
          ['Accounts Q3', '', ''],
          ['Company', 'Industry', 'Employees'],
          ['Acme', 'SaaS', 100],
        ]),
      ).toBe(1);
      expect(
        detectHeaderRow([
          ['', ''],
          ['', ''],
        ]),
      ).toBe(-1);
    });

    it('skips a row with numbers, and falls back to the first filled row', () => {
      expect(
        detectHeaderRow([
          [2024, 'Q3', 'x'],
          ['Company', 'Industry', 'Employees'],
        ]),
      ).toBe(1);
      expect(
        detectHeaderRow([
          ['', ''],
          [1, 2],
          [3, 4],
        ]),
      ).toBe(1);
    });
  });

  describe('tableWidth and attributeHeaders', () => {
    it('ends at the last header, or where the add-on’s output columns begin', () => {
      const headers = ['Company', 'Industry', '', 'Employees', '', ''];
      expect(tableWidth(headers)).toBe(4);
      expect(attributeHeaders(headers, tableWidth(headers))).toEqual(['Company', 'Industry', 'Employees']);
      expect(tableWidth(headers, 2)).toBe(2);
      expect(tableWidth(['', ''])).toBe(0);
    });

    it('keeps a user column whatever its header says, the add-on’s own labels included', () => {
      const headers = ['Company', 'Industry', 'Why', 'Notes', 'ICP score', 'Employees'];
      expect(attributeHeaders(headers, tableWidth(headers))).toEqual(headers);
    });
  });

  describe('freeColumns', () => {
    const rows = [
      ['Company', 'Industry', '', '', '', ''],
      ['Acme', 'SaaS', 'a note', '', '', ''],
      ['Beta', 'Retail', '', ' ', '', 0],
    ];

    it('finds the first columns empty in every row, a space or a zero being content', () => {
      expect(freeColumns(rows, 2, 1)).toBe(4);
      expect(freeColumns(rows, 2, 2)).toBe(6);
      expect(freeColumns(rows, 2, 3)).toBe(6);
      expect(
        freeColumns(
          [
            ['A', ''],
            ['x', ''],
          ],
          1,
          3,
        ),
      ).toBe(1);
    });

    it('skips the columns named taken (cells whose formula shows blank)', () => {
      expect(freeColumns([['A', '', '', '', '']], 1, 2, new Set([2]))).toBe(3);
    });
  });

  describe('nameColumn and frequentValues', () => {
    it('finds the column that names the accounts in English and German', () => {
      expect(nameColumn(['Industry', 'Firma'])).toBe(1);
      expect(nameColumn(['ID', 'Company / customer'])).toBe(1);
      expect(nameColumn(['Industry', 'Region'])).toBe(0);
    });

    it('tallies list items and plain values, most frequent first, any spelling as one', () => {
      const rows = [['Slack, Jira'], ['slack'], ['HubSpot'], [''], [new Date(2024, 0, 1)], [12], ['SLACK | Notion']];
      expect(frequentValues(rows, 0)).toEqual(['Slack', 'Jira', 'HubSpot', '12', 'Notion']);
      expect(frequentValues(rows, 0, 1)).toEqual(['Slack']);
    });
  });
});

describe('starterRules', () => {
  const header = ['Company', 'Industry', 'Employees', 'Revenue', 'Tech stack', 'Website', 'Notes', 'Customer since', 'MRR', 'Outcome', 'Empty', 'Active'];
  const rows = [
    ['Acme', 'SaaS', 120, '11,8 Mio €', 'Slack, Jira', 'https://acme.example', 'called twice', new Date(2024, 0, 1), 1200, 'Won', '', true],
    ['Beta', 'SaaS', '1.200', '$5M', 'HubSpot', '', 'met at fair', new Date(2023, 5, 1), 300, 'Lost', '', true],
    ['Gamma', 'Retail', 45, '250k', 'Slack', 'www.gamma.example', 'referral', new Date(2022, 1, 1), 90, '', '', false],
    ['Delta', 'Fintech', '50-200', '80 Mio', 'SAP | Slack', 'https://delta.example', 'cold call', new Date(2021, 1, 1), 4000, 'Won', '', true],
    ['Epsilon', 'SaaS', 3000, '1,5 Mrd', '', '', 'inbound', '', 60, 'Lost', '', true],
  ];

  it('makes one rule per column that describes accounts, from its values', () => {
    const { rules, skipped } = starterRules([header, ...rows], header.length);
    expect(rules).toEqual([
      { attribute: 'Industry', operator: 'is', value: 'SaaS' },
      { attribute: 'Employees', operator: 'between', value: '120-1200' },
      { attribute: 'Revenue', operator: 'between', value: '5000000-80000000' },
      { attribute: 'Tech stack', operator: 'includes', value: 'Slack' },
      { attribute: 'Website', operator: 'is not blank', value: '' },
      { attribute: 'Active', operator: 'is', value: 'true' },
    ]);
    expect(skipped).toEqual(['Company', 'Notes', 'Customer since', 'MRR', 'Outcome', 'Empty']);
  });

  it('rounds number edges outwards and falls back to >= where a range cannot be written', () => {
    expect(starterRules([['Score'], [-5], [-2], [3], [8]], 1).rules).toEqual([{ attribute: 'Score', operator: '>=', value: '-5' }]);
    expect(starterRules([['Seats'], [10], [10], [10]], 1).rules).toEqual([{ attribute: 'Seats', operator: '>=', value: '10' }]);
    expect(starterRules([['Share'], [0.123], [0.25], [0.5], [0.61]], 1).rules).toEqual([{ attribute: 'Share', operator: 'between', value: '0.12-0.5' }]);
    expect(starterRules([['Revenue'], [11_817], [23_456], [98_765]], 1).rules).toEqual([{ attribute: 'Revenue', operator: 'between', value: '11000-99000' }]);
    // Years span decades: rounded to two digits of the spread, not of the year (1900-2100 matches everyone).
    const founded = [1987, 1995, 2001, 2004, 2010, 2013, 2019, 1978];
    expect(starterRules([['Founded'], ...founded.map((y) => [y])], 1).rules).toEqual([{ attribute: 'Founded', operator: 'between', value: '1987-2010' }]);
  });

  it('leaves out row numbers, ranks and indexes, which say where a row stands, not what the account is', () => {
    const ranks = Array.from({ length: 20 }, (_, i) => [i + 1, i % 2 ? 'SaaS' : 'Retail', 40 + i * 37]);
    const { rules, skipped } = starterRules([['Rank', 'Industry', 'Employees'], ...ranks], 3);
    expect(rules.map((r) => r.attribute)).toEqual(['Industry', 'Employees']);
    expect(skipped).toEqual(['Rank']);
    // Whole numbers that are not a sequence stay: employees of five accounts.
    expect(starterRules([['Employees'], [12], [40], [250], [1200], [80]], 1).rules).toEqual([{ attribute: 'Employees', operator: 'between', value: '40-250' }]);
  });

  it('reads only the table’s width and German economics headers', () => {
    const { rules, skipped } = starterRules(
      [
        ['Firma', 'Branche', 'Monatsumsatz', 'Gekündigt', 'ICP score'],
        ['A', 'Software', 100, 'ja', 80],
        ['B', 'Handel', 50, 'nein', 20],
      ],
      4,
    );
    expect(rules).toEqual([{ attribute: 'Branche', operator: 'is', value: 'Software' }]);
    expect(skipped).toEqual(['Firma', 'Monatsumsatz', 'Gekündigt']);
  });
});
