import { describe, expect, it } from 'vitest';
import { describeRule, findProfile, OPERATORS, parseCriteria, parseOperator } from '../../src/core/criteria';

const HEADER = ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'];

describe('criteria', () => {
  describe('parseCriteria', () => {
    it('reads rules into profiles in order, blank profile meaning Default', () => {
      const criteria = parseCriteria([
        HEADER,
        ['', 'Industry', 'is', 'SaaS, Fintech', 40, ''],
        ['Enterprise', 'Employees', '>=', '2,000', 50, true],
        ['', 'Region', 'is not', 'APAC', '-10', 'no'],
        ['', '', '', '', '', ''],
      ]);
      expect(criteria.profiles.map((p) => p.name)).toEqual(['Default', 'Enterprise']);
      const [industry, region] = criteria.profiles[0].rules;
      expect(industry).toMatchObject({ row: 2, attribute: 'Industry', operator: 'is', values: ['saas', 'fintech'], points: 40, required: false });
      expect(region).toMatchObject({ row: 4, operator: 'is not', points: -10 });
      expect(criteria.profiles[1].rules[0]).toMatchObject({ operator: '>=', low: 2000, required: true });
    });

    it('accepts headers in any case and order, German headers and a missing Profile column', () => {
      const criteria = parseCriteria([
        ['PUNKTE', ' merkmal ', 'Operator', 'Wert', 'Pflicht'],
        [10, 'Branche', 'ist', 'Software', 'ja'],
      ]);
      expect(criteria.profiles[0]).toMatchObject({ name: 'Default', rules: [{ attribute: 'Branche', operator: 'is', points: 10, required: true }] });
    });

    it('merges profiles that differ only in case', () => {
      const criteria = parseCriteria([HEADER, ['SaaS', 'A', 'is', 'x', 1, ''], ['saas', 'B', 'is', 'y', 1, '']]);
      expect(criteria.profiles).toHaveLength(1);
      expect(criteria.profiles[0].rules).toHaveLength(2);
    });

    it('skips note rows whose criteria cells are blank, whatever other columns hold', () => {
      const criteria = parseCriteria([
        [...HEADER, 'Accounts', 'Win rate'],
        ['', 'Industry', 'is', 'SaaS', 30, '', 120, 0.45],
        ['', '', '', '', '', '', 'Base rate', 0.25],
        ['', '', '', '', '', '', 'Cross-validated AUC', 0.71],
      ]);
      expect(criteria.profiles[0].rules).toHaveLength(1);
      // A row with a criteria cell filled is a rule, and a broken one still says so.
      expect(() =>
        parseCriteria([
          [...HEADER, 'Note'],
          ['', '', '', '', 10, '', 'typo'],
        ]),
      ).toThrow('Criteria row 2, Attribute: name the column this rule looks at.');
    });

    it('lets a required rule go without points', () => {
      const criteria = parseCriteria([HEADER, ['', 'Region', 'is', 'DACH', '', 'x']]);
      expect(criteria.profiles[0].rules[0]).toMatchObject({ points: 0, required: true });
    });

    it('names the row and column of every mistake', () => {
      expect(() => parseCriteria([HEADER, ['', 'Industry', 'equalz', 'SaaS', 10, '']])).toThrow(
        /Criteria row 2, Operator: "equalz" is not an operator \(did you mean "is"|Use one of: is, is not, includes/,
      );
      expect(() => parseCriteria([HEADER, ['', 'Industry', 'is', 'SaaS', 'ten', '']])).toThrow('Criteria row 2, Points: "ten" is not a number.');
      expect(() => parseCriteria([HEADER, ['', 'Industry', 'is', 'SaaS', '', '']])).toThrow(/Criteria row 2, Points: give the rule a number/);
      expect(() => parseCriteria([HEADER, ['', 'Employees', '>=', 'many', 10, '']])).toThrow(
        'Criteria row 2, Value: "many" is not a number, and ">=" compares numbers.',
      );
      expect(() => parseCriteria([HEADER, ['', 'x', 'is', 'a', 1, ''], ['', 'Employees', 'between', '50', 10, '']])).toThrow(
        /Criteria row 3, Value: "50" is not a range/,
      );
      expect(() => parseCriteria([HEADER, ['', 'Industry', 'is', '', 10, '']])).toThrow(/Criteria row 2, Value: "is" needs a value/);
      expect(() => parseCriteria([HEADER, ['', '', 'is', 'x', 10, '']])).toThrow(/Criteria row 2, Attribute/);
      expect(() => parseCriteria([HEADER, ['', 'Industry', 'is', 'x', 10, 'perhaps']])).toThrow(/Criteria row 2, Required: "perhaps"/);
    });

    it('explains a missing header row and an empty table', () => {
      expect(() => parseCriteria([['', 'Industry', 'is', 'SaaS', 10, '']])).toThrow(
        /Criteria row 1 must be the header row .*; missing: "Attribute", "Operator" and "Points" \(found "Industry", "is", "SaaS" and "10"\)\./,
      );
      expect(() => parseCriteria([HEADER, ['', '', '', '', '', '']])).toThrow('The criteria range has no rules under its header.');
      expect(() => parseCriteria('Industry')).toThrow(/must be a range/);
    });
  });

  describe('parseOperator', () => {
    it.each([
      ['=', 'is'],
      ['IS', 'is'],
      ['ist', 'is'],
      ['!=', 'is not'],
      ['<>', 'is not'],
      ['Is Not', 'is not'],
      ['includes', 'includes'],
      ['enthält', 'contains'],
      ['between', 'between'],
      ['zwischen', 'between'],
      ['at least', '>='],
      ['≥', '>='],
      ['> =', '>='],
      ['mindestens', '>='],
      ['höchstens', '<='],
      ['more than', '>'],
      ['less than', '<'],
      ['is empty', 'is blank'],
      ['ist nicht leer', 'is not blank'],
    ])('reads %j as %j', (text, op) => expect(parseOperator(text)).toBe(op));

    it('knows every canonical operator and nothing from Object.prototype', () => {
      for (const op of OPERATORS) expect(parseOperator(op)).toBe(op);
      expect(parseOperator('constructor')).toBeUndefined();
    });
  });

  it('finds profiles in any case and lists them when one is unknown', () => {
    const criteria = parseCriteria([HEADER, ['SaaS', 'A', 'is', 'x', 1, ''], ['Enterprise', 'B', 'is', 'y', 1, '']]);
    expect(findProfile(criteria, 'saas').name).toBe('SaaS');
    expect(() => findProfile(criteria, 'SMB')).toThrow('There is no profile "SMB" in the criteria. Profiles: "SaaS" and "Enterprise".');
  });

  it('describes rules in words', () => {
    const [between, blank] = parseCriteria([HEADER, ['', 'Employees', 'between', '50-200', 1, ''], ['', 'CAC', 'is blank', '', 1, '']]).profiles[0].rules;
    expect(describeRule(between)).toBe('Employees between 50 and 200');
    expect(describeRule(blank)).toBe('CAC is blank');
  });
});
