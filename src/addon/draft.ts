// Checks a criteria draft from the sidebar: its shape with a schema at the edge, then rule by rule with the
// same parser the custom functions use, so the sidebar and the formulas can never disagree.

import type { Cell } from '../core/cells';
import { CRITERIA_HEADER, parseCriteria } from '../core/criteria';
import { type CriteriaDraft, draftTiers, draftToGrid, type RuleDraft } from '../core/draft';
import { attempt } from '../core/errors';
import { fmt } from '../core/i18n';
import { compileCriteria } from '../core/scoring';
import { readTable } from '../core/table';
import type { Tier } from '../core/tiers';
import type { ServerTexts } from './i18n/en';
import * as z from './schema';

export type { CriteriaDraft, RuleDraft, TierDraft } from '../core/draft';

// Fields are text as the sidebar's inputs hold them (points too); the criteria parser reads the numbers.
// The rows and origin say where on the criteria tab a rule or tier came from; the save checks them.
function draftSchema(): z.Schema<CriteriaDraft> {
  const rule = z.object({
    profile: z.string(),
    attribute: z.string(),
    operator: z.string(),
    value: z.string(),
    points: z.string(),
    required: z.boolean(),
    row: z.optional(z.integer()),
  });
  const tier = z.object({ label: z.string(), min: z.string(), row: z.optional(z.integer()) });
  return z.object({ rules: z.array(rule), tiers: z.array(tier), origin: z.optional(z.string()) });
}

let schema: ReturnType<typeof draftSchema> | undefined;

const MAX_RULES = 500;
const MAX_TIERS = 20;
const MAX_TEXT = 2000;

export type RuleField = keyof RuleDraft;

/** An error shown next to one field of the sidebar: a rule's, a tier's, or the whole draft's. */
export interface FieldError {
  readonly scope: 'rule' | 'tier' | 'draft';
  /** Index of the rule or tier; -1 for the draft. */
  readonly index: number;
  readonly field: string;
  readonly message: string;
}

/** An error about the whole draft (its size, its version), shown next to `field`. */
export function draftError(field: string, message: string): FieldError {
  return { scope: 'draft', index: -1, field, message };
}

/** Fields end in `_`: a checked draft never leaves Code.js, and the build shortens them (MANGLED in build.mjs). */
export interface CheckedDraft {
  readonly draft_: CriteriaDraft;
  readonly grid_: Cell[][];
  readonly tiers_: Tier[];
}

/**
 * Validates an untrusted payload: its shape, then every rule with the criteria parser and against
 * the account table's headers. Returns every error at once, each pointing at its field, in the active
 * language (`text`: the server's texts in it).
 */
export function checkDraft(payload: unknown, headers: readonly string[], text: ServerTexts): CheckedDraft | { errors: FieldError[] } {
  const shape = z.safeParse((schema ??= draftSchema()), payload);
  if (!shape.success) {
    return {
      errors: shape.issues.map((issue) => {
        const [scope, index, field] = issue.path;
        const known = (scope === 'rules' || scope === 'tiers') && typeof index === 'number';
        return {
          scope: known ? (scope === 'rules' ? 'rule' : 'tier') : 'draft',
          index: known ? index : -1,
          field: known && typeof field === 'string' ? field : '',
          message: `Invalid ${issue.path.join('.') || 'payload'}: ${issue.message}`,
        } satisfies FieldError;
      }),
    };
  }
  const draft = shape.data;
  const errors: FieldError[] = [];
  if (draft.rules.length > MAX_RULES) return { errors: [draftError('rules', fmt(text.atMostRules_, MAX_RULES))] };
  if (draft.tiers.length > MAX_TIERS) return { errors: [draftError('tiers', fmt(text.atMostTiers_, MAX_TIERS))] };
  const long = draft.rules.findIndex((r) => Object.values(r).some((v) => typeof v === 'string' && v.length > MAX_TEXT));
  if (long >= 0) return { errors: [{ scope: 'rule', index: long, field: 'value', message: fmt(text.atMostCharacters_, MAX_TEXT) }] };
  // Without an account table the rules are checked on their own; attributes are checked when there is one.
  const table = headers.length ? readTable([[...headers]]) : undefined;
  draft.rules.forEach((rule, index) => {
    const error = attempt(() => {
      const single = parseCriteria([CRITERIA_HEADER, [rule.profile, rule.attribute, rule.operator, rule.value, rule.points, rule.required]]);
      if (table) compileCriteria(single, table);
    });
    // The criteria column at fault (`Points`) names the rule's field (`points`).
    if (error) errors.push({ scope: 'rule', index, field: error.at?.column.toLowerCase() ?? '', message: error.at?.detail ?? error.message });
  });
  const { tiers, problems } = draftTiers(draft.tiers);
  for (const { index, field, problem } of problems) errors.push({ scope: 'tier', index, field, message: problem });
  if (draft.rules.length === 0) errors.push(draftError('rules', text.noRules_));
  if (errors.length) return { errors };
  return { draft_: draft, grid_: draftToGrid(draft), tiers_: tiers };
}
