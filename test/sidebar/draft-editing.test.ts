import { describe, expect, it } from 'vitest';
import type { CriteriaDraft } from '../../src/addon/draft';
import { parseCriteria } from '../../src/core/criteria';
import { draftToGrid } from '../../src/core/draft';
import * as edit from '../../src/sidebar/draft-editing';

const rule = (profile: string, attribute: string) => ({ profile, attribute, operator: 'is', value: 'x', points: '10', required: false });
const base: CriteriaDraft = { rules: [rule('', 'A'), rule('Big', 'B'), rule('', 'C'), rule('big', 'D')], tiers: [{ label: 'A', min: '80' }] };

describe('draft editing', () => {
  it('lists profiles in order, blank meaning Default, case-insensitively', () => {
    expect(edit.profiles(base)).toEqual(['Default', 'Big']);
    expect(edit.profiles({ rules: [], tiers: [] })).toEqual(['Default']);
    expect(edit.profiles(base, ['New', 'default'])).toEqual(['Default', 'Big', 'New']);
    expect(edit.ruleIndices(base, 'BIG')).toEqual([1, 3]);
  });

  it('groups profiles with the formulas’ key: `SaaS  mid-market` (two spaces) is `SaaS mid-market`', () => {
    const spaced: CriteriaDraft = {
      rules: [rule('SaaS  mid-market', 'A'), rule('SaaS mid-market', 'B'), rule(' Métier ', 'C'), rule('metier', 'D')],
      tiers: [],
    };
    expect(edit.profiles(spaced)).toEqual(['SaaS  mid-market', 'Métier']);
    expect(edit.ruleIndices(spaced, 'SaaS mid-market')).toEqual([0, 1]);
    expect(edit.ruleIndices(spaced, 'Metier')).toEqual([2, 3]);
    expect(parseCriteria(draftToGrid(spaced)).profiles.map((p) => [p.name, p.rules.length])).toEqual([
      ['SaaS  mid-market', 2],
      ['Métier', 2],
    ]);
    expect(edit.moveRule(spaced, 1, -1).rules.map((r) => r.attribute)).toEqual(['B', 'A', 'C', 'D']);
  });

  it('adds a rule after the profile’s last rule', () => {
    const added = edit.addRule(base, 'Default', 'Region');
    expect(added.rules.map((r) => r.attribute)).toEqual(['A', 'B', 'C', 'Region', 'D']);
    expect(added.rules[3]).toMatchObject({ profile: '', operator: 'is', points: '10', required: false });
    expect(edit.addRule(base, 'New').rules.at(-1)).toMatchObject({ profile: 'New' });
  });

  it('moves a rule within its profile only, and removes rules', () => {
    expect(edit.moveRule(base, 0, 1).rules.map((r) => r.attribute)).toEqual(['C', 'B', 'A', 'D']);
    expect(edit.moveRule(base, 0, -1)).toBe(base);
    expect(edit.moveRule(base, 3, -1).rules.map((r) => r.attribute)).toEqual(['A', 'D', 'C', 'B']);
    expect(edit.removeRule(base, 1).rules.map((r) => r.attribute)).toEqual(['A', 'C', 'D']);
  });

  it('updates fields and tiers without touching the original', () => {
    const changed = edit.updateRule(base, 2, 'value', 'SaaS');
    expect(changed.rules[2].value).toBe('SaaS');
    expect(base.rules[2].value).toBe('x');
    expect(edit.updateTier(edit.addTier(base), 1, 'label', 'B').tiers).toEqual([
      { label: 'A', min: '80' },
      { label: 'B', min: '0' },
    ]);
    expect(edit.removeTier(base, 0).tiers).toEqual([]);
  });

  it('finds the error for a field', () => {
    const errors = [
      { scope: 'rule' as const, index: 2, field: 'value', message: 'bad' },
      { scope: 'tier' as const, index: 0, field: 'min', message: 'low' },
    ];
    expect(edit.errorFor(errors, 'rule', 2, 'value')).toBe('bad');
    expect(edit.errorFor(errors, 'rule', 1, 'value')).toBeUndefined();
    expect(edit.errorFor(errors, 'tier', 0, 'min')).toBe('low');
  });

  describe('profiles renamed, deleted and added (10.7)', () => {
    it('renames every rule of a profile by the formulas’ key, blank Default included', () => {
      const renamed = edit.renameProfile(base, 'BIG', 'Enterprise');
      expect(renamed.rules.map((r) => r.profile)).toEqual(['', 'Enterprise', '', 'Enterprise']);
      expect(edit.profiles(renamed)).toEqual(['Default', 'Enterprise']);
      expect(edit.renameProfile(base, 'Default', 'SMB').rules.map((r) => r.profile)).toEqual(['SMB', 'Big', 'SMB', 'big']);
      expect(base.rules.map((r) => r.profile)).toEqual(['', 'Big', '', 'big']);
      expect(edit.renameProfile(base, 'Big', 'Big').rules.map((r) => r.profile)).toEqual(['', 'Big', '', 'Big']); // one spelling now
    });

    it('refuses a blank name, or the name of another profile in any spelling; a profile may change its own spelling', () => {
      expect(edit.profileNameProblem(base, [], '  ')).toBe('blank');
      expect(edit.profileNameProblem(base, [], ' bíg ')).toBe('taken');
      expect(edit.profileNameProblem(base, [], 'default')).toBe('taken');
      expect(edit.profileNameProblem(base, ['New'], 'NEW')).toBe('taken');
      expect(edit.profileNameProblem(base, [], 'Enterprise')).toBeUndefined();
      expect(edit.profileNameProblem(base, [], 'BIG', 'Big')).toBeUndefined();
      expect(edit.profileNameProblem(base, [], 'Default', 'Big')).toBe('taken');
    });

    it('deletes a profile’s rules and nothing else', () => {
      expect(edit.removeProfile(base, 'big').rules.map((r) => r.attribute)).toEqual(['A', 'C']);
      expect(edit.removeProfile(base, 'Default').rules.map((r) => r.attribute)).toEqual(['B', 'D']);
      expect(edit.removeProfile(base, 'Big').tiers).toBe(base.tiers);
    });

    it('adds rules as a new profile under a free name, after everything the draft holds', () => {
      expect(edit.freeProfileName(base, [], 'Starter profile')).toBe('Starter profile');
      expect(edit.freeProfileName(base, [], 'big')).toBe('big 2');
      const once = edit.appendProfile(base, 'Starter', [rule('x', 'E')]);
      expect(edit.freeProfileName(once, ['starter 2'], 'Starter')).toBe('Starter 3');
      const twice = edit.appendProfile(once, 'Starter 3', [rule('', 'F')]);
      expect(twice.rules.map((r) => [r.profile, r.attribute])).toEqual([
        ['', 'A'],
        ['Big', 'B'],
        ['', 'C'],
        ['big', 'D'],
        ['Starter', 'E'],
        ['Starter 3', 'F'],
      ]);
      expect(twice.tiers).toBe(base.tiers);
    });
  });
});

describe('adding learned rules', () => {
  const learned = [
    { attribute: 'b', operator: 'IS', value: ' X ', points: '40', required: false },
    { attribute: 'Region', operator: 'is', value: 'DACH', points: '12', required: false },
  ];

  it('adds them after the profile’s own rules, leaving every rule the user wrote as it was, and skips a rule the profile has', () => {
    const { draft, added } = edit.addLearnedRules(base, 'BIG', learned);
    expect(added).toBe(1);
    expect(draft.rules.slice(0, 4)).toEqual(base.rules);
    expect(draft.rules.map((r) => `${r.profile}:${r.attribute}:${r.points}`)).toEqual([':A:10', 'Big:B:10', ':C:10', 'big:D:10', 'BIG:Region:12']);
    expect(draft.tiers).toBe(base.tiers);
  });

  it('gives rules added to Default a blank profile, as the tab writes Default', () => {
    const { draft } = edit.addLearnedRules(base, 'Default', learned);
    expect(draft.rules.map((r) => `${r.profile}:${r.attribute}`)).toEqual([':A', 'Big:B', ':C', ':b', ':Region', 'big:D']);
  });

  it('adds a profile the draft does not have after everything it holds', () => {
    const { draft, added } = edit.addLearnedRules(base, 'Learned', learned);
    expect(added).toBe(2);
    expect(draft.rules.slice(4).map((r) => `${r.profile}:${r.attribute}:${r.operator}:${r.value}`)).toEqual(['Learned:b:IS: X ', 'Learned:Region:is:DACH']);
  });

  it('finds the profile that has every one of the rules already, in any spelling', () => {
    expect(edit.profileWithRules(base, learned)).toBeUndefined();
    expect(edit.profileWithRules(base, learned.slice(0, 1))).toBe('Big');
    const { draft } = edit.addLearnedRules(base, 'Learned', learned);
    expect(edit.profileWithRules(draft, learned)).toBe('Learned');
    expect(edit.profileWithRules(draft, [])).toBeUndefined();
  });
});
