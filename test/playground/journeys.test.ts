// Issue 10's journeys in the playground without a browser: HyperFormula computes what the add-on's actions
// write, and the actions read it back through SpreadsheetApp.flush() as they do in Sheets.

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../playground/start.mjs';

type Playground = Awaited<ReturnType<typeof launch>>;

const shown = (playground: Playground, sheet: string, row: number, rows: number, column: number, columns = 1) =>
  playground.workbook.engine.window(playground.workbook.sheet(sheet), row, rows, column, columns).map((line) => line.map((c) => c.text));

describe('playground journeys', () => {
  describe('the example workbook', () => {
    let playground: Playground;
    beforeAll(async () => {
      playground = await launch({ port: 0 });
    });
    afterAll(async () => {
      await playground?.close();
    });

    it('is set up with the example criteria, and says nothing is left to do', () => {
      expect(playground.workbook.setUp).toEqual({ rows: 40, criteria: 'example', unfit: [], next: '' });
    });

    it('builds a summary by ICP tier from the spilled tiers, and says what it built', () => {
      const { workbook } = playground;
      const out = workbook.run('buildSegmentSummary', [], 'ICP Accounts', { prompt: 'ICP tier' });
      expect(out.alerts).toEqual([]);
      expect(out.active).toBe('ICP Segments 2');
      expect(workbook.input('ICP Segments 2', 1, 1)).toBe(`=ICP_SEGMENTS('ICP Accounts'!A1:Q, "ICP tier")`);
      const tiers = new Set(shown(playground, 'ICP Accounts', 1, 40, 15).map(([t]) => t));
      const segments = shown(playground, 'ICP Segments 2', 1, tiers.size + 1, 0).map(([s]) => s);
      expect(new Set(segments.slice(0, -1))).toEqual(tiers);
      expect(segments.at(-1)).toBe('All');
      expect(out.toasts).toEqual([`Built ICP Segments 2: ${tiers.size} segments by ICP tier, with a chart of CLV:CAC and monthly churn.`]);
      const [chart] = workbook.charts('ICP Segments 2');
      expect(chart.labels).toEqual(segments);
      expect(chart.series.map((s) => [s.name, s.axis])).toEqual([
        ['CLV:CAC', 0],
        ['Monthly churn', 1],
      ]);
      expect(chart.axes).toEqual([
        { title: 'CLV:CAC', format: '' },
        { title: 'Monthly churn', format: 'percent' },
      ]);
      expect(chart.hAxis).toEqual({ title: 'ICP tier', slanted: false, angle: 0 });
    });

    it('scores the template with one click, and every action says what it did', () => {
      const { workbook } = playground;
      const created = workbook.run('createTemplate', [], 'ICP Accounts');
      expect(created.result).toBe('ICP Accounts 2');
      expect(created.toasts).toEqual([
        'Created ICP Accounts 2 with three example accounts to replace with yours and a Personas sheet; the ICP Criteria tab stays as it was. Run Score this sheet to see their scores.',
      ]);
      const scored = workbook.run('scoreThisSheet', [], 'ICP Accounts 2');
      expect(scored.alerts).toEqual([]);
      expect(scored.toasts).toEqual(['Scored ICP Accounts 2; the scores follow rows and criteria.']);
      const results = shown(playground, 'ICP Accounts 2', 0, 4, 20, 3);
      expect(results[0]).toEqual(['ICP score', 'ICP tier', 'Why']);
      expect(results.flat().filter((t) => t.startsWith('#'))).toEqual([]);
      expect(results.slice(1).every(([score]) => /^\d+$/.test(score))).toBe(true);
    });

    it('names the error a formula shows after writing it instead of reporting success', () => {
      const { workbook } = playground;
      workbook.edit('ICP Accounts 2', 5, 22, 'in the way'); // under the tier column: the spill is blocked
      const again = workbook.run('scoreThisSheet', [], 'ICP Accounts 2');
      expect(again.toasts).toEqual([]);
      expect(again.alerts).toEqual([
        'The formula in V1 shows #REF!: a cell below it holds something, so its results cannot spill. Move what is typed under U1:W1 (icp-sheets’ output columns) elsewhere and run Score this sheet again.',
      ]);
    });
  });

  describe('a user’s own CSV the example criteria do not fit', () => {
    let playground: Playground;
    beforeAll(async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-journeys-'));
      const csv = path.join(dir, 'export.csv');
      writeFileSync(
        csv,
        'Firma;Branche;Mitarbeitende;Region (HQ);Website\nAlpha GmbH;Software;1.200;DACH;https://alpha.example\nBeta AG;Handel;80;DACH;\nGamma SE;Software;450;Nordics;https://gamma.example\n',
      );
      playground = await launch({ port: 0, csv });
    });
    afterAll(async () => {
      await playground?.close();
    });

    it('keeps no criteria that would fill the sheet with #ERROR!, and says what to do next', () => {
      const { setUp } = playground.workbook;
      expect(setUp?.criteria).toBe('none');
      expect(setUp?.rows).toBe(3);
      expect(setUp?.unfit).toHaveLength(10);
      expect(setUp?.unfit[2]).toEqual({
        rule: 'Region is DACH, Nordics (SaaS mid-market)',
        problem: expect.stringMatching(/^"Region" is not a column of the table\. Closest: "Region \(HQ\)"/),
      });
      expect(setUp?.next).toBe(
        'Nothing was scored: there are no ICP criteria yet. Open Edit ICP criteria… to start a profile from the columns of ICP Accounts, then run Score this sheet again.',
      );
      expect(playground.workbook.spreadsheet.sheets.map((s) => s.name)).toEqual(['ICP Accounts']);
      expect(shown(playground, 'ICP Accounts', 0, 1, 5, 3)).toEqual([['', '', '']]);
    });

    it('starts a profile from the sheet’s columns, saves it and scores', async () => {
      const { workbook } = playground;
      // What the first view says on each (re)load, while it holds: no criteria yet, nothing scored.
      expect(await setUpAnswer(playground)).toEqual(workbook.setUp);
      const starter = workbook.run('starterDraft', [], 'ICP Accounts').result as { draft: unknown };
      const version = (workbook.run('getSidebarStatus', [], 'ICP Accounts').result as { version: string }).version;
      expect((workbook.run('saveCriteria', [starter.draft, version], 'ICP Accounts').result as { ok: boolean }).ok).toBe(true);
      // Criteria are saved: "there are no ICP criteria yet" is no longer true, so a reload says nothing of it.
      expect(await setUpAnswer(playground)).toBeNull();
      const scored = workbook.run('scoreThisSheet', [], 'ICP Accounts');
      expect(scored.toasts).toEqual(['Scored ICP Accounts; the scores follow rows and criteria.']);
      expect(shown(playground, 'ICP Accounts', 0, 4, 5, 2)).toEqual([
        ['ICP score', 'ICP tier'],
        ['100', 'A'],
        ['50', 'C'],
        ['75', 'B'],
      ]);
      expect(await setUpAnswer(playground)).toBeNull();
    });
  });

  describe('the first view’s guidance, on a reload', () => {
    let playground: Playground;
    beforeAll(async () => {
      const csv = path.join(mkdtempSync(path.join(os.tmpdir(), 'icp-journeys-')), 'export.csv');
      writeFileSync(csv, 'Firma;Branche;Mitarbeitende\nAlpha GmbH;Software;1.200\nBeta AG;Handel;80\n');
      playground = await launch({ port: 0, csv });
    });
    afterAll(async () => {
      await playground?.close();
    });

    it('is said only while it is true: another CSV loaded is another table', async () => {
      const { workbook } = playground;
      expect(await setUpAnswer(playground)).toMatchObject({ rows: 2, criteria: 'none' });
      workbook.loadAccounts('Name;Industry\nZeta;SaaS\n');
      expect(await setUpAnswer(playground)).toBeNull();
    });
  });
});

/** What the page reads on each load to say how the workbook was set up. */
async function setUpAnswer(playground: Playground): Promise<unknown> {
  return ((await (await fetch(new URL('/api/setup', playground.url))).json()) as { setUp: unknown }).setUp;
}
