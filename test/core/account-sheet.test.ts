import { describe, expect, it } from 'vitest';
import { attributeHeaders, detectHeaderRow, freeColumns, frequentValues, nameColumn, tableWidth } from '../../src/core/account-sheet';

describe('account sheet', () => {
  describe('detectHeaderRow', () => {
    it('finds the header under a title row, and -1 for an empty sheet', () => {
      expect(detectHeaderRow([['Company', 'Industry'], ['Acme', 'SaaS']])).toBe(0);
      expect(detectHeaderRow([['Accounts Q3', '', ''], ['Company', 'Industry', 'Employees'], ['Acme', 'SaaS', 100]])).toBe(1);
      expect(detectHeaderRow([['', ''], ['', '']])).toBe(-1);
    });

    it('skips a row with numbers, and falls back to the first filled row', () => {
      expect(detectHeaderRow([[2024, 'Q3', 'x'], ['Company', 'Industry', 'Employees']])).toBe(1);
      expect(detectHeaderRow([['', ''], [1, 2], [3, 4]])).toBe(1);
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
      expect(freeColumns([['A', ''], ['x', '']], 1, 3)).toBe(1);
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
