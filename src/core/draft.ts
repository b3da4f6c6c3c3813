// The criteria draft: the criteria tab's rules and tiers as the text a user sees, the one model the sidebar
// edits, the add-on validates and writes, and the formulas read back from the tab.

import type { Cell } from './cells';
import { CRITERIA_HEADER, DEFAULT_PROFILE, profileKey } from './criteria';
import { DEFAULT_TIERS, readTier, type Tier } from './tiers';

export interface RuleDraft {
  profile: string;
  attribute: string;
  operator: string;
  value: string;
  /** Text as typed (`10`, `-5`, `1,5`): the criteria parser reads the number. */
  points: string;
  required: boolean;
  /**
   * The criteria tab's row (1-based) the rule was read from, so a save writes it back there and keeps what
   * its cells hold; a rule added in the sidebar has none. Edits keep it; it is not part of the version.
   */
  row?: number;
}

export interface TierDraft {
  label: string;
  min: string;
  /** The tab's row the tier was read from, as for rules. */
  row?: number;
}

export interface CriteriaDraft {
  rules: RuleDraft[];
  tiers: TierDraft[];
  /**
   * A fingerprint of the tab the draft was read from: its rules and tiers with their rows. A save trusts
   * the rows only while the tab is still exactly that (rows inserted or deleted by hand, or rules moved by
   * a save since, make them point elsewhere); a draft without it has its rows ignored.
   */
  origin?: string;
}

/** The draft as a criteria range, header first, exactly as the criteria tab stores it. */
export function draftToGrid(draft: CriteriaDraft): Cell[][] {
  return [CRITERIA_HEADER, ...draft.rules.map((r) => [r.profile, r.attribute, r.operator, r.value, r.points, r.required])];
}

/** The profile a rule belongs to as the sidebar names it: blank means Default. */
export function profileOf(rule: RuleDraft): string {
  return rule.profile.trim() || DEFAULT_PROFILE;
}

/** True when the rule belongs to the profile, by the same key the formulas group profiles with. */
export function inProfile(rule: RuleDraft, profile: string): boolean {
  return profileKey(rule.profile) === profileKey(profile);
}

export interface TierProblem {
  readonly index: number;
  readonly field: 'label' | 'min';
  readonly problem: string;
}

/**
 * The draft's tiers as the formulas use them, highest minimum first; the defaults when there are none.
 * Each tier that cannot be read is a problem pointing at its field.
 */
export function draftTiers(drafts: readonly TierDraft[]): { tiers: Tier[]; problems: TierProblem[] } {
  const tiers: Tier[] = [];
  const problems: TierProblem[] = [];
  drafts.forEach((draft, index) => {
    const tier = readTier(draft.label, draft.min);
    if ('problem' in tier) problems.push({ index, field: tier.field, problem: tier.problem });
    else tiers.push(tier);
  });
  return { tiers: tiers.length ? tiers.sort((a, b) => b.min - a.min) : [...DEFAULT_TIERS], problems };
}

/** The default tiers as the sidebar edits them. */
export function defaultTierDrafts(): TierDraft[] {
  return DEFAULT_TIERS.map((t) => ({ label: t.label, min: String(t.min) }));
}

/**
 * The version of a draft: the sidebar saves only while the tab still reads as the draft it loaded, so a
 * hand edit made in between is never overwritten.
 */
export function draftVersion(draft: CriteriaDraft): string {
  return fingerprint([draft.rules.map((r) => [r.profile, r.attribute, r.operator, r.value, r.points, r.required]), draft.tiers.map((t) => [t.label, t.min])]);
}

/** A short fingerprint of a JSON value: two 32-bit FNV-style hashes of its text. */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value);
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

/**
 * The tab rows a save puts a draft's rules (or tiers) into, in the draft's order and top to bottom, as the
 * formulas read them. `sources[i]` is the row item i came from (none for a new one; no row twice);
 * `blocked` rows take no item (a row of formulas that show blank is the user's). The rows the items came
 * from stay in use, and each new item takes the first free row below the item before it; these rows, in
 * order, go to the items in the draft's order. So an edited item stays in its row, a reordered one takes
 * the row of the one it swapped with, blank rows between items stay where they are, and an item inserted
 * where there is no free row moves the items below it down to the next one.
 */
export function placeRows(sources: readonly (number | undefined)[], blocked: (row: number) => boolean): number[] {
  const taken = new Set<number>();
  for (const row of sources) if (row !== undefined) taken.add(row);
  const rows = [...taken];
  let floor = 1; // the header
  for (const source of sources) {
    if (source !== undefined) {
      floor = source;
      continue;
    }
    let row = floor + 1;
    while (taken.has(row) || blocked(row)) row++;
    taken.add(row);
    rows.push(row);
  }
  rows.sort((a, b) => a - b);
  return sources.map((_, i) => rows[i]);
}
