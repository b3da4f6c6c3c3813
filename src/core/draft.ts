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
}

export interface TierDraft {
  label: string;
  min: string;
}

export interface CriteriaDraft {
  rules: RuleDraft[];
  tiers: TierDraft[];
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
