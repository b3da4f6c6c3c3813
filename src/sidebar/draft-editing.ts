// Pure edits of the criteria draft the sidebar holds: profiles, rules in order, tiers, and which error
// belongs to which field. No DOM here, so every edit is tested directly.

import type { FieldError } from '../addon/draft';
import { DEFAULT_PROFILE, profileKey } from '../core/criteria';
import { type CriteriaDraft, inProfile, profileOf, type RuleDraft } from '../core/draft';
import { normalizeText } from '../core/text';

/** The draft's profiles in order of first appearance (at least Default), plus `extra` ones with no rules yet. */
export function profiles(draft: CriteriaDraft, extra: readonly string[] = []): string[] {
  const names = new Map<string, string>();
  const add = (name: string) => {
    if (!names.has(profileKey(name))) names.set(profileKey(name), name);
  };
  draft.rules.forEach((r) => add(profileOf(r)));
  extra.forEach(add);
  if (names.size === 0) add(DEFAULT_PROFILE);
  return [...names.values()];
}

/** Indices into draft.rules of the profile's rules, in order. */
export function ruleIndices(draft: CriteriaDraft, profile: string): number[] {
  return draft.rules.flatMap((r, i) => (inProfile(r, profile) ? [i] : []));
}

/**
 * Why `name` cannot name a profile: `blank`, or `taken` when another profile has that name by the formulas'
 * key (any case, accents, spacing). Renaming `current` may change its own spelling.
 */
export function profileNameProblem(draft: CriteriaDraft, extra: readonly string[], name: string, current?: string): 'blank' | 'taken' | undefined {
  if (name.trim() === '') return 'blank';
  if (current !== undefined && profileKey(current) === profileKey(name)) return undefined;
  return findProfile(draft, extra, name) === undefined ? undefined : 'taken';
}

/** The profile that `name` names in any spelling, as the sidebar shows it; undefined when there is none. */
export function findProfile(draft: CriteriaDraft, extra: readonly string[], name: string): string | undefined {
  return profiles(draft, extra).find((p) => profileKey(p) === profileKey(name));
}

/** A rule as the user wrote it, shortened: `Region is DACH, Nordics (SaaS mid-market)`. */
export function describeRule(rule: RuleDraft): string {
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
  const words = [rule.attribute, rule.operator, rule.value]
    .map((t) => short(t.trim()))
    .filter((t) => t !== '')
    .join(' ');
  return rule.profile.trim() ? `${words} (${short(rule.profile.trim())})` : words;
}

/** Gives every rule of the profile `from` the name `to`; the formulas then group them under `to`. */
export function renameProfile(draft: CriteriaDraft, from: string, to: string): CriteriaDraft {
  return { ...draft, rules: draft.rules.map((r) => (inProfile(r, from) ? { ...r, profile: to } : r)) };
}

/** Drops the profile's rules. */
export function removeProfile(draft: CriteriaDraft, name: string): CriteriaDraft {
  return { ...draft, rules: draft.rules.filter((r) => !inProfile(r, name)) };
}

/** `name`, or `name 2`, `name 3`, … : the first that no profile has. */
export function freeProfileName(draft: CriteriaDraft, extra: readonly string[], name: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name} ${n}`;
    if (!profileNameProblem(draft, extra, candidate)) return candidate;
  }
}

/** Adds the rules after everything the draft holds, as the profile `name`. */
export function appendProfile(draft: CriteriaDraft, name: string, rules: readonly RuleDraft[]): CriteriaDraft {
  return { ...draft, rules: [...draft.rules, ...rules.map((r) => ({ ...r, profile: name }))] };
}

/**
 * Adds learned rules to the profile `name`: after its own rules, or after everything for a profile the draft
 * does not have. Every rule already there stays as it is, and a rule the profile has (the same attribute,
 * operator and value, in any spelling) is not added again. Returns the draft and how many were added.
 */
export function addLearnedRules(draft: CriteriaDraft, name: string, rules: readonly Omit<RuleDraft, 'profile'>[]): { draft: CriteriaDraft; added: number } {
  const profile = profileKey(name) === profileKey('') ? '' : name;
  const indices = ruleIndices(draft, name);
  const had = new Set(indices.map((i) => ruleKey(draft.rules[i])));
  const fresh = rules.filter((r) => !had.has(ruleKey(r))).map((r) => ({ ...r, profile }));
  const at = indices.length ? indices[indices.length - 1] + 1 : draft.rules.length;
  return { draft: { ...draft, rules: [...draft.rules.slice(0, at), ...fresh, ...draft.rules.slice(at)] }, added: fresh.length };
}

/** What a rule checks (attribute, operator, value) in any spelling: two rules with one key say the same. */
function ruleKey(rule: Omit<RuleDraft, 'profile'>): string {
  return [rule.attribute, rule.operator, rule.value].map(normalizeText).join('\u0001');
}

/** Whether the profile has every one of the rules already, by what they check. */
export function hasRules(draft: CriteriaDraft, profile: string, rules: readonly Omit<RuleDraft, 'profile'>[]): boolean {
  const has = new Set(ruleIndices(draft, profile).map((i) => ruleKey(draft.rules[i])));
  return rules.length > 0 && rules.every((r) => has.has(ruleKey(r)));
}

/** The first profile that has every one of the rules already (by what they check), as the sidebar shows it; undefined if none. */
export function profileWithRules(draft: CriteriaDraft, rules: readonly Omit<RuleDraft, 'profile'>[]): string | undefined {
  return profiles(draft).find((name) => hasRules(draft, name, rules));
}

/** Adds a rule after the profile's own, with `operator` (the sidebar passes the first of the user's language). */
export function addRule(draft: CriteriaDraft, profile: string, attribute = '', operator = 'is'): CriteriaDraft {
  const rule: RuleDraft = { profile: profileKey(profile) === profileKey('') ? '' : profile, attribute, operator, value: '', points: '10', required: false };
  const indices = ruleIndices(draft, profile);
  const at = indices.length ? indices[indices.length - 1] + 1 : draft.rules.length;
  return { ...draft, rules: [...draft.rules.slice(0, at), rule, ...draft.rules.slice(at)] };
}

export function removeRule(draft: CriteriaDraft, index: number): CriteriaDraft {
  return { ...draft, rules: draft.rules.filter((_, i) => i !== index) };
}

/** Swaps a rule with the previous (-1) or next (+1) rule of the same profile. */
export function moveRule(draft: CriteriaDraft, index: number, step: -1 | 1): CriteriaDraft {
  const indices = ruleIndices(draft, profileOf(draft.rules[index]));
  const position = indices.indexOf(index);
  const other = indices[position + step];
  if (other === undefined) return draft;
  const rules = [...draft.rules];
  [rules[index], rules[other]] = [rules[other], rules[index]];
  return { ...draft, rules };
}

export function updateRule<K extends keyof RuleDraft>(draft: CriteriaDraft, index: number, field: K, value: RuleDraft[K]): CriteriaDraft {
  return { ...draft, rules: draft.rules.map((r, i) => (i === index ? { ...r, [field]: value } : r)) };
}

export function addTier(draft: CriteriaDraft): CriteriaDraft {
  return { ...draft, tiers: [...draft.tiers, { label: '', min: '0' }] };
}

export function removeTier(draft: CriteriaDraft, index: number): CriteriaDraft {
  return { ...draft, tiers: draft.tiers.filter((_, i) => i !== index) };
}

export function updateTier(draft: CriteriaDraft, index: number, field: 'label' | 'min', value: string): CriteriaDraft {
  return { ...draft, tiers: draft.tiers.map((t, i) => (i === index ? { ...t, [field]: value } : t)) };
}

/** The error to show next to one field, if any. */
export function errorFor(errors: readonly FieldError[], scope: FieldError['scope'], index: number, field: string): string | undefined {
  return errors.find((e) => e.scope === scope && e.index === index && (e.field === field || (e.field === '' && field === 'attribute')))?.message;
}
