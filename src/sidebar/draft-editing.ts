// Pure edits of the criteria draft the sidebar holds: profiles, rules in order, tiers, and which error
// belongs to which field. No DOM here, so every edit is tested directly.

import type { CriteriaDraft, FieldError, RuleDraft } from '../addon/draft';

export const DEFAULT_PROFILE = 'Default';

/** The profile a rule belongs to, blank meaning Default. */
export function profileOf(rule: RuleDraft): string {
  return rule.profile.trim() || DEFAULT_PROFILE;
}

/** The draft's profiles in order of first appearance (at least Default), plus `extra` ones with no rules yet. */
export function profiles(draft: CriteriaDraft, extra: readonly string[] = []): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  };
  draft.rules.forEach((r) => add(profileOf(r)));
  extra.forEach(add);
  if (names.length === 0) names.push(DEFAULT_PROFILE);
  return names;
}

/** Indices into draft.rules of the profile's rules, in order. */
export function ruleIndices(draft: CriteriaDraft, profile: string): number[] {
  const key = profile.toLowerCase();
  return draft.rules.flatMap((r, i) => (profileOf(r).toLowerCase() === key ? [i] : []));
}

export function addRule(draft: CriteriaDraft, profile: string, attribute = ''): CriteriaDraft {
  const rule: RuleDraft = { profile: profile === DEFAULT_PROFILE ? '' : profile, attribute, operator: 'is', value: '', points: '10', required: false };
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
