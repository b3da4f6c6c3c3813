// The server functions the sidebar calls (through the typed bridge in src/sidebar/bridge.ts). Every payload
// is validated here; the preview is computed by the same core as the custom functions.

import { OPERATORS } from '../core/criteria';
import * as icp from '../core/icp';
import { DQ_TIER } from '../core/tiers';
import { applyValidation, defaultTierDrafts, ensureCriteriaTab, readCriteriaTab, writeCriteriaTab } from './criteria-tab';
import { checkDraft, type CheckedDraft, type CriteriaDraft, type FieldError } from './draft';
import { userLanguage } from './locale';
import type { Locale } from './messages';
import { frequentValues, nameColumn } from '../core/account-sheet';
import { accountSheet, ACCOUNT_SHEET_PROPERTY, attributeHeaders, CRITERIA_SHEET, readAccountTable, type AccountTable } from './sheets';

export interface TableInfo {
  readonly sheet: string;
  readonly headerRow: number;
  readonly headers: string[];
  readonly rows: number;
  /** The most frequent values of each column, for the value field's suggestions. */
  readonly suggestions: Record<string, string[]>;
}

export interface SidebarState {
  readonly language: Locale;
  readonly table: TableInfo | null;
  readonly draft: CriteriaDraft;
  readonly operators: string[];
  /** True when the criteria tab exists already (saving updates it rather than creating it). */
  readonly saved: boolean;
}

export interface Preview {
  readonly rows: number;
  readonly tierCounts: { tier: string; count: number }[];
  readonly top: { name: string; score: number; tier: string; why: string }[];
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; errors: FieldError[] };

function currentTable(): AccountTable | null {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = accountSheet(ss, PropertiesService.getDocumentProperties().getProperty(ACCOUNT_SHEET_PROPERTY));
  return sheet ? readAccountTable(sheet) : null;
}

/** Everything the sidebar shows when it opens: the account table, the saved criteria and tiers. */
export function getSidebarState(): SidebarState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const table = currentTable();
  const criteriaSheet = ss.getSheetByName(CRITERIA_SHEET);
  const draft = criteriaSheet
    ? readCriteriaTab(criteriaSheet)
    : { rules: [], tiers: defaultTierDrafts() };
  let info: TableInfo | null = null;
  if (table) {
    const rows = table.values.slice(1);
    const suggestions: Record<string, string[]> = {};
    table.headers.forEach((header, column) => {
      if (header) suggestions[header] = frequentValues(rows, column);
    });
    info = { sheet: table.sheet.getName(), headerRow: table.headerRow, headers: attributeHeaders(table.headers), rows: rows.length, suggestions };
  }
  return { language: userLanguage(), table: info, draft, operators: [...OPERATORS], saved: criteriaSheet !== null };
}

/** Scores the account table with a draft that is not saved yet: tier counts and the top accounts. */
export function previewCriteria(payload: CriteriaDraft): Outcome<{ preview: Preview }> {
  const table = currentTable();
  const checked = checkDraft(payload, table ? attributeHeaders(table.headers) : []);
  if ('errors' in checked) return { ok: false, errors: checked.errors };
  return { ok: true, preview: table ? preview(table, checked) : { rows: 0, tierCounts: [], top: [] } };
}

/** Validates the draft and writes the criteria tab in one write; formulas recalculate from it. */
export function saveCriteria(payload: CriteriaDraft): Outcome<{ preview: Preview }> {
  const table = currentTable();
  const headers = table ? attributeHeaders(table.headers) : [];
  const checked = checkDraft(payload, headers);
  if ('errors' in checked) return { ok: false, errors: checked.errors };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const existing = ss.getSheetByName(CRITERIA_SHEET);
  const sheet = existing ?? ensureCriteriaTab(ss, headers);
  writeCriteriaTab(sheet, checked.draft);
  // The attribute dropdown follows the table's current headers (a new tab got them when it was created).
  if (existing && headers.length) applyValidation(sheet, headers);
  return { ok: true, preview: table ? preview(table, checked) : { rows: 0, tierCounts: [], top: [] } };
}

function preview(table: AccountTable, checked: CheckedDraft): Preview {
  const scored = icp.scoreSheet(table.values, checked.grid, '', '', 'Preview');
  const tiers = icp.tiersWith(scored, checked.tiers);
  const counts = new Map<string, number>([...checked.tiers.map((t) => t.label), DQ_TIER].map((t) => [t, 0]));
  for (const tier of tiers) if (tier !== '') counts.set(String(tier), (counts.get(String(tier)) ?? 0) + 1);
  const names = nameColumn(table.headers);
  const ranked = [...scored.scores.keys()]
    .filter((r) => scored.scores[r] === scored.scores[r])
    .sort((a, b) => scored.scores[b] - scored.scores[a] || a - b)
    .slice(0, 5);
  return {
    rows: tiers.filter((t) => t !== '').length,
    tierCounts: [...counts].map(([tier, count]) => ({ tier, count })),
    top: ranked.map((r) => ({
      name: String(table.values[r + 1][names] ?? ''),
      score: scored.scores[r] < 0 ? 0 : scored.scores[r],
      tier: String(tiers[r]),
      why: icp.explanationOf(scored, r),
    })),
  };
}
