// The server functions the sidebar calls (through the typed bridge in src/sidebar/bridge.ts). Every payload
// is validated here; the preview and the SQL are computed by the same core as the custom functions. Keys
// from user text (headers) travel in arrays, never as object keys.

import { detectHeaderRow, frequentValues, nameColumn } from '../core/account-sheet';
import { type Cell, cellText } from '../core/cells';
import { operatorName, operatorNames } from '../core/criteria';
import { defaultTierDrafts, fingerprint } from '../core/draft';
import { attempt, IcpError } from '../core/errors';
import { fmt, type Lang, language } from '../core/i18n';
import * as icp from '../core/icp';
import { detectOutcome, type OutcomeKind } from '../core/learn/outcome';
import { type Suggestion, suggestCriteria, suggestionTable } from '../core/learn/suggest';
import { type Validation, validateCriteria } from '../core/learn/validate';
import { criteriaToSql, type DialectName } from '../core/sql';
import { quote } from '../core/text';
import { DQ_TIER } from '../core/tiers';
import { applyValidation, criteriaSheet, criteriaVersion, ensureCriteriaTab, readCriteriaTab, writeCriteriaTab } from './criteria-tab';
import { type CheckedDraft, type CriteriaDraft, checkDraft, draftError, type FieldError } from './draft';
import { speakToUser } from './locale';
import { type AccountTable, accountSheet, activeSpreadsheet, readAccountTable, tabName } from './sheets';

export interface TableInfo {
  readonly sheet: string;
  readonly headerRow: number;
  /** The headers a rule can look at. */
  readonly headers: string[];
  readonly rows: number;
  /** The most frequent values of each of those columns, for the value field's suggestions. */
  readonly suggestions: { header: string; values: string[] }[];
  /** Changes when the account table does (another sheet, rows, headers): see getSidebarStatus. */
  readonly key: string;
}

export interface SidebarState {
  /** The user's language, in which the server answers: `en`, `de` or `da`. */
  readonly language: Lang;
  readonly table: TableInfo | null;
  readonly draft: CriteriaDraft;
  /** The operators in the user's language, as the criteria tab's dropdown offers them. */
  readonly operators: string[];
  /** True when the criteria tab exists already (saving updates it rather than creating it). */
  readonly saved: boolean;
  /** The criteria tab's name: its own, or the one a first save gives it in the user's language. */
  readonly tab: string;
  /** The version of the criteria tab this draft was read from; a save is refused once the tab has another. */
  readonly version: string;
}

/** What the sidebar checks now and then to notice a hand edit of the tab or another active account table. */
export interface SidebarStatus {
  readonly version: string;
  readonly table: string | null;
}

export interface Preview {
  readonly rows: number;
  readonly tierCounts: { tier: string; count: number }[];
  readonly top: { name: string; score: number; tier: string; why: string }[];
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; errors: FieldError[]; stale?: true };

function currentSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
  return accountSheet(activeSpreadsheet());
}

function currentTable(): AccountTable | null {
  const sheet = currentSheet();
  return sheet ? readAccountTable(sheet) : null;
}

function tableKey(sheet: string, headerRow: number, lastRow: number, headers: readonly Cell[]): string {
  return fingerprint([sheet, headerRow, lastRow, headers.map((h) => cellText(h).trim())]);
}

/** Everything the sidebar shows when it opens: the account table, the saved criteria and tiers. */
export function getSidebarState(): SidebarState {
  speakToUser();
  const ss = activeSpreadsheet();
  const table = currentTable();
  const tab = criteriaSheet(ss);
  const draft = tab ? readCriteriaTab(tab) : { rules: [], tiers: defaultTierDrafts() };
  let info: TableInfo | null = null;
  if (table) {
    const rows = table.values_.slice(1);
    const suggestions = table.headers_.slice(0, table.width_).flatMap((header, column) => (header ? [{ header, values: frequentValues(rows, column) }] : []));
    const name = table.sheet_.getName();
    const key = tableKey(name, table.headerRow_, table.headerRow_ + rows.length, table.values_[0]);
    info = { sheet: name, headerRow: table.headerRow_, headers: table.attributes_, rows: rows.length, suggestions, key };
  }
  const lang = language();
  return {
    language: lang,
    table: info,
    draft,
    operators: operatorNames(),
    saved: tab !== null,
    tab: tab?.getName() ?? tabName('criteria', lang),
    version: criteriaVersion(tab),
  };
}

/**
 * Cheap enough to call every few seconds: the criteria tab's version and the account table's key, read
 * from the tab and the top rows of the account sheet.
 */
export function getSidebarStatus(): SidebarStatus {
  const criteria = criteriaSheet(activeSpreadsheet());
  const sheet = currentSheet();
  const lastRow = sheet?.getLastRow() ?? 0;
  let table: string | null = null;
  if (sheet && lastRow > 0) {
    const top = sheet.getRange(1, 1, Math.min(10, lastRow), sheet.getLastColumn()).getValues() as Cell[][];
    const header = detectHeaderRow(top);
    if (header >= 0) table = tableKey(sheet.getName(), header + 1, lastRow, top[header]);
  }
  return { version: criteriaVersion(criteria), table };
}

/** Scores the account table with a draft that is not saved yet: tier counts and the top accounts. */
export function previewCriteria(payload: CriteriaDraft): Outcome<{ preview: Preview }> {
  const text = speakToUser();
  const table = currentTable();
  const checked = checkDraft(payload, table ? table.attributes_ : [], text);
  return 'errors' in checked ? { ok: false, errors: checked.errors } : { ok: true, preview: preview(table, checked) };
}

/**
 * Validates the draft and writes the criteria tab, while the tab is still at `version` (the one the
 * sidebar loaded): a hand edit made since is never overwritten, the sidebar is told to reload instead.
 */
export function saveCriteria(payload: CriteriaDraft, version?: string): Outcome<{ preview: Preview; version: string; draft: CriteriaDraft }> {
  const text = speakToUser();
  const table = currentTable();
  const headers = table ? table.attributes_ : [];
  const checked = checkDraft(payload, headers, text);
  if ('errors' in checked) return { ok: false, errors: checked.errors };
  const ss = activeSpreadsheet();
  const existing = criteriaSheet(ss);
  const sheet = existing ?? ensureCriteriaTab(ss, headers);
  // A tab this call created holds nothing anyone could lose.
  const saved = writeCriteriaTab(sheet, checked.draft_, existing ? version : criteriaVersion(sheet), text);
  if (saved === null) {
    return { ok: false, stale: true, errors: [draftError('version', fmt(text.staleCriteria_, sheet.getName()))] };
  }
  // The attribute dropdown follows the table's current headers (a new tab got them when it was created).
  if (existing && headers.length) applyValidation(sheet, headers, true);
  return { ok: true, preview: preview(table, checked), version: saved.version, draft: saved.draft };
}

/** What the sidebar's Copy as SQL panel asks for: the dialect, the warehouse table, how columns are named. */
export interface SqlChoice {
  readonly dialect: DialectName;
  /** `name`, `dataset.name` or `project.dataset.name`; blank means `accounts`, as in ICP_SQL. */
  readonly table: string;
  readonly columns: 'exact' | 'snake';
}

/**
 * The query, or why there is none: the draft's own errors (those a preview finds), or, for a draft without
 * errors, the one `problem` SQL has with it: a rule (`scope: 'rule'`) or the choice (`field` table, dialect
 * or columns).
 */
export type SqlOutcome = { ok: true; sql: string } | { ok: false; errors: FieldError[]; problem?: FieldError };

const MAX_TABLE = 1000;
const DIALECT_NAMES: readonly DialectName[] = ['bigquery', 'postgres', 'duckdb'];

const choiceProblem = (field: string, message: string): SqlOutcome => ({ ok: false, errors: [], problem: draftError(field, message) });

/**
 * Copy as SQL: the query ICP_SQL writes, for the draft the sidebar shows (saved or not), checked first as
 * previewCriteria checks it. Saves nothing.
 */
export function criteriaSql(payload: CriteriaDraft, choice: SqlChoice): SqlOutcome {
  const text = speakToUser();
  const table = currentTable();
  const checked = checkDraft(payload, table ? table.attributes_ : [], text);
  if ('errors' in checked) return { ok: false, errors: checked.errors };
  // A few fields of known values: checked by hand, which costs the bundle far fewer bytes than a schema.
  const { dialect, table: written, columns } = (choice ?? {}) as Partial<Record<keyof SqlChoice, unknown>>;
  if (!DIALECT_NAMES.includes(dialect as DialectName)) return choiceProblem('dialect', text.sqlDialectChoice_);
  if (columns !== 'exact' && columns !== 'snake') return choiceProblem('columns', text.sqlColumnsChoice_);
  if (typeof written !== 'string' || written.length > MAX_TABLE) return choiceProblem('table', fmt(text.sqlTableLength_, MAX_TABLE));
  const name = written.trim() || 'accounts';
  if (name.split('.').some((part) => part.trim() === '')) return choiceProblem('table', fmt(text.sqlTableName_, quote(name)));
  const sql = attempt(() => criteriaToSql(checked.grid_, { dialect: dialect as DialectName, table: name, columns, tiers: checked.tiers_ }));
  if (!(sql instanceof IcpError)) return { ok: true, sql };
  // A criteria cell SQL cannot express: row 2 of the grid is the draft's first rule.
  const at = sql.at;
  return {
    ok: false,
    errors: [],
    problem: at ? { scope: 'rule', index: at.row - 2, field: at.column.toLowerCase(), message: at.detail } : draftError('', sql.message),
  };
}

/** What the Learn panel asks for: the outcome column ('' for the columns only), tenure for churn, the profile to compare with. */
export interface LearnChoice {
  readonly outcome: string;
  readonly tenure: string;
  /** The profile the sidebar shows, compared with the suggestion; '' for none. */
  readonly profile: string;
}

/** How a set of rules ranks the accounts (ICP_VALIDATE's result): the AUC, the top tiers' shares, the tiers. */
export type Ranking = Validation;

/**
 * The Learn panel's answer: the columns with the outcome kind each reads as (`''` for none), and for an
 * outcome the suggestion (its NaN numbers arrive as null), the suggestion's ranking on the accounts it was
 * learned from and the current profile's (with the draft's tiers), or why either could not be had.
 */
export interface LearnOutcome {
  readonly sheet: string;
  readonly columns: [string, OutcomeKind | ''][];
  readonly suggestion?: Suggestion;
  readonly suggested?: Ranking | null;
  readonly current?: Ranking | null;
  /** Why the current profile was not compared ('' when it was or none was asked for). */
  readonly problem?: string;
  /** Why nothing was learned, in the learner's words. */
  readonly error?: string;
}

/**
 * The sidebar's Learn from my data: reads the account table once, learns with ICP_SUGGEST's core and ranks
 * the suggestion and the current profile (of the unsaved draft) with ICP_VALIDATE's. Saves nothing.
 */
export function learnFromData(choice: LearnChoice, payload: CriteriaDraft): LearnOutcome | null {
  const text = speakToUser();
  const table = currentTable();
  if (!table) return null;
  const grid = table.values_.map((row) => row.slice(0, table.width_));
  const rows = grid.slice(1);
  const columns = grid[0].flatMap((cell, c): [string, OutcomeKind | ''][] => {
    const header = cellText(cell).trim();
    return header
      ? [
          [
            header,
            detectOutcome(
              header,
              rows.map((row) => row[c]),
              rows,
            ) ?? '',
          ],
        ]
      : [];
  });
  const out = { sheet: table.sheet_.getName(), columns };
  const outcome = String(choice?.outcome ?? '');
  if (!outcome) return out;
  const options = choice.tenure ? `tenure=${choice.tenure}` : '';
  const today = Date.now();
  const checked = checkDraft(payload, table.attributes_, text);
  const tiers = 'errors' in checked ? [] : checked.tiers_.map((t) => [t.label, t.min]);
  const rank = (criteria: unknown, profile: string, fn?: string): Ranking => validateCriteria(grid, criteria, outcome, profile, tiers, options, today, fn);
  const suggestion = attempt(() => suggestCriteria(grid, outcome, options, today, text.learning_));
  if (suggestion instanceof IcpError) return { ...out, error: suggestion.message };
  let current: Ranking | null = null;
  let problem = '';
  if (choice.profile) {
    const ranked = 'errors' in checked ? new IcpError(checked.errors[0].message) : attempt(() => rank(checked.grid_, String(choice.profile), text.comparing_));
    if (ranked instanceof IcpError) problem = ranked.message;
    else current = ranked;
  }
  const suggested = suggestion.rules.length ? rank(suggestionTable(suggestion), '') : null;
  // The rules go into the sidebar's draft, whose operators are the user's language's (the tab's dropdown).
  const rules = suggestion.rules.map((rule) => ({ ...rule, operator: operatorName(rule.operator) }));
  return { ...out, suggestion: { ...suggestion, rules }, suggested, current, problem };
}

function preview(table: AccountTable | null, checked: CheckedDraft): Preview {
  if (!table) return { rows: 0, tierCounts: [], top: [] };
  const scored = icp.scoreSheet(table.values_, checked.grid_, '', '', 'Preview');
  const tiers = icp.tiersWith(scored, checked.tiers_);
  const counts = new Map<string, number>([...checked.tiers_.map((t) => t.label), DQ_TIER].map((t) => [t, 0]));
  for (const tier of tiers) if (tier !== '') counts.set(String(tier), (counts.get(String(tier)) ?? 0) + 1);
  const names = nameColumn(table.headers_);
  const ranked = [...scored.scores.keys()]
    .filter((r) => scored.scores[r] === scored.scores[r])
    .sort((a, b) => scored.scores[b] - scored.scores[a] || a - b)
    .slice(0, 5);
  return {
    rows: tiers.filter((t) => t !== '').length,
    tierCounts: [...counts].map(([tier, count]) => ({ tier, count })),
    top: ranked.map((r) => ({
      name: cellText(table.values_[r + 1][names]),
      score: Math.max(scored.scores[r], 0),
      tier: String(tiers[r]),
      why: icp.explanationOf(scored, r),
    })),
  };
}
