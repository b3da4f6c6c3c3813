// A CSV loaded into the playground reads as Sheets' import reads it in the spreadsheet's locale: numbers
// with thousands separators and percentages become numbers shown as written, and only what reads one way;
// the rest stays text for the add-on to parse.

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launch } from '../../playground/start.mjs';
import { sheetCell } from '../../tools/csv.mjs';

const cell = (text: string, locale: string) => sheetCell(text, Date, locale);

describe('a CSV field as Sheets imports it', () => {
  it('reads English numbers with thousands separators and percentages, and keeps what a German export could mean otherwise', () => {
    expect(cell('680,985', 'en_US')).toEqual({ value: 680985, format: '#,##0' });
    expect(cell('2,100,000', 'en_US')).toEqual({ value: 2100000, format: '#,##0' });
    expect(cell('-1,250.75', 'en_US')).toEqual({ value: -1250.75, format: '#,##0.00' });
    expect(cell('5.1%', 'en_US')).toEqual({ value: 0.051, format: '0.0%' });
    expect(cell('12 %', 'en_US')).toEqual({ value: 0.12, format: '0%' });
    expect(cell('1234.5', 'en_US')).toEqual({ value: 1234.5, format: '' });
    expect(cell('0.125', 'en_US')).toEqual({ value: 0.125, format: '' });
    // A thousand to a German, one and a quarter to an English sheet: left for the add-on to read.
    for (const text of ['1.250', '1,5', '12,34', '1.250,5', '2,10,000', '1e5', '157k', '11,8 Mio €', '$5M'])
      expect(cell(text, 'en_US'), text).toEqual({ value: text, format: '' });
  });

  it('reads German and Danish numbers, and keeps what an English export could mean otherwise', () => {
    for (const locale of ['de_DE', 'da_DK']) {
      expect(cell('1.250', locale)).toEqual({ value: 1250, format: '#,##0' });
      expect(cell('1.234.567', locale)).toEqual({ value: 1234567, format: '#,##0' });
      expect(cell('1.250,5', locale)).toEqual({ value: 1250.5, format: '#,##0.0' });
      expect(cell('1,5', locale)).toEqual({ value: 1.5, format: '' });
      expect(cell('-0,25', locale)).toEqual({ value: -0.25, format: '' });
      expect(cell('5,1 %', locale)).toEqual({ value: 0.051, format: '0.0%' });
      // A decimal point that cannot be a thousands group reads one way only.
      expect(cell('0.05', locale)).toEqual({ value: 0.05, format: '' });
      for (const text of ['680,985', '2,100,000', '1,5 Mio €']) expect(cell(text, locale), `${text} in ${locale}`).toEqual({ value: text, format: '' });
    }
  });

  it('reads booleans and dates as before', () => {
    expect(cell('TRUE', 'de_DE').value).toBe(true);
    expect(cell(' false ', 'en_US').value).toBe(false);
    expect(cell('2025-01-31', 'en_US').value).toEqual(new Date(2025, 0, 31));
  });
});

describe('a CSV loaded into the playground', () => {
  const opened: Awaited<ReturnType<typeof launch>>[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((p) => p.close()));
  });

  /** The playground started with `csv` in `locale`, and what its account sheet's second row shows. */
  async function loaded(csv: string, locale: string) {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'icp-csv-')), 'accounts.csv');
    writeFileSync(file, csv);
    const playground = await launch({ port: 0, csv: file, locale });
    opened.push(playground);
    const { workbook } = playground;
    return workbook.engine.window(workbook.sheet(workbook.accounts), 1, 1, 0, csv.split('\n')[0].split(/[,;]/).length)[0];
  }

  it('shows an English export’s numbers as numbers, written as in the file', async () => {
    const row = await loaded('Rank,Name,Revenue (USD millions),Revenue growth,Employees,Note\n1,Walmart,"680,985",5.1%,"2,100,000","1.250"\n', 'en_US');
    expect(row.map((c) => c.text)).toEqual(['1', 'Walmart', '680,985', '5.1%', '2,100,000', '1.250']);
    expect(row.map((c) => c.value)).toEqual([1, 'Walmart', 680985, 0.051, 2100000, '1.250']);
  });

  it('shows a German export’s numbers as numbers in a German spreadsheet', async () => {
    const row = await loaded('Firma;Umsatz;Wachstum;Mitarbeitende;Notiz\nAlpha GmbH;1.250,5;5,1 %;1.250;680,985\n', 'de_DE');
    expect(row.map((c) => c.text)).toEqual(['Alpha GmbH', '1.250,5', '5,1\u00a0%', '1.250', '680,985']);
    expect(row.map((c) => c.value)).toEqual(['Alpha GmbH', 1250.5, 0.051, 1250, '680,985']);
  });
});
