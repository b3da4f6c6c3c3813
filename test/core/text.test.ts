import { describe, expect, it } from 'vitest';
import { cellText, isBlank, parseFlag } from '../../src/core/cells';
import { closest, normalizeText, splitList, splitValues } from '../../src/core/text';

describe('text', () => {
  it('ignores case, accents, ß and stray spaces', () => {
    expect(normalizeText('  Café   Crème ')).toBe('cafe creme');
    expect(normalizeText('Straße')).toBe(normalizeText('STRASSE'));
    expect(normalizeText('Größe')).toBe('grosse');
    expect(normalizeText('Mitarbeitende\n')).toBe('mitarbeitende');
  });

  it('splits criteria values on , ; and newlines, and list cells also on |', () => {
    expect(splitValues('SaaS, FinTech;E-Commerce\nHealth')).toEqual(['saas', 'fintech', 'e-commerce', 'health']);
    expect(splitList('Slack | Jira, HubSpot')).toEqual(['slack', 'jira', 'hubspot']);
    expect(splitValues(' , ;')).toEqual([]);
  });

  it('suggests the closest names, substrings first', () => {
    expect(closest('Industy', ['Company', 'Industry', 'Region'])[0]).toBe('Industry');
    expect(closest('Employees', ['Employees (FTE)', 'Revenue'])[0]).toBe('Employees (FTE)');
  });

  it('suggests nothing when no name is near: a guess would mislead', () => {
    expect(closest('Industry', ['Website', 'Firma', 'Branche'])).toEqual([]);
    expect(closest('Regoin', ['Region', 'Revenue'])).toEqual(['Region']);
  });

  it('reads flags in English and German', () => {
    for (const yes of [true, 'TRUE', 'yes', 'Ja', 'x', 1, '1']) expect(parseFlag(yes)).toBe(true);
    for (const no of [false, 'FALSE', 'no', 'nein', '', 0, '0']) expect(parseFlag(no)).toBe(false);
    expect(parseFlag('maybe')).toBeUndefined();
  });

  it('shows dates as yyyy-mm-dd and knows blank cells', () => {
    expect(cellText(new Date(2024, 2, 5))).toBe('2024-03-05');
    expect(isBlank('  ')).toBe(true);
    expect(isBlank(0)).toBe(false);
  });
});
