import { describe, expect, it } from 'vitest';
import { parseCriteria, profileKey } from '../../src/core/criteria';
import { type CriteriaDraft, draftTiers, draftToGrid, draftVersion, inProfile } from '../../src/core/draft';

const rule = (profile: string, attribute = 'Industry') => ({ profile, attribute, operator: 'is', value: 'SaaS', points: '10', required: false });

describe('criteria draft', () => {
  it('groups profiles by one key: blank is Default, spacing, case and accents do not matter', () => {
    expect(profileKey('SaaS  mid-market')).toBe(profileKey('saas mid-market'));
    expect(profileKey('')).toBe(profileKey('Default'));
    expect(profileKey('Métier')).toBe(profileKey('metier'));
    const draft: CriteriaDraft = { rules: [rule('SaaS  mid-market'), rule('SaaS mid-market', 'Region')], tiers: [] };
    expect(parseCriteria(draftToGrid(draft)).profiles.map((p) => p.rules.length)).toEqual([2]);
    expect(draft.rules.every((r) => inProfile(r, 'SAAS MID-MARKET'))).toBe(true);
    expect(inProfile(rule(''), 'Default')).toBe(true);
  });

  it('turns tiers into Tier[] highest first, reporting each unreadable one at its field', () => {
    expect(
      draftTiers([
        { label: 'Warm', min: '40' },
        { label: 'Hot', min: '70' },
      ]).tiers,
    ).toEqual([
      { label: 'Hot', min: 70 },
      { label: 'Warm', min: 40 },
    ]);
    expect(draftTiers([]).tiers.map((t) => t.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(
      draftTiers([
        { label: 'A', min: 'high' },
        { label: '', min: '3' },
      ]).problems,
    ).toEqual([
      { index: 0, field: 'min', problem: 'the minimum score "high" is not a number.' },
      { index: 1, field: 'label', problem: 'the tier needs a label.' },
    ]);
  });

  it('gives every different draft a different version', () => {
    const base: CriteriaDraft = { rules: [rule('')], tiers: [{ label: 'A', min: '80' }] };
    const versions = new Set([
      draftVersion(base),
      draftVersion({ ...base, rules: [{ ...rule(''), points: '11' }] }),
      draftVersion({ ...base, rules: [{ ...rule(''), required: true }] }),
      draftVersion({ ...base, tiers: [{ label: 'A', min: '81' }] }),
      draftVersion({ ...base, rules: [] }),
    ]);
    expect(versions.size).toBe(5);
    expect(draftVersion(structuredClone(base))).toBe(draftVersion(base));
  });
});
