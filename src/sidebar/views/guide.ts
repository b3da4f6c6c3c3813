// The guide for a table the criteria do not fit: with no rules, or with rules whose Attribute is not a column
// of the account table (Score this sheet then writes nothing), it says which rules and offers to start a
// profile from the table's columns or to learn one from an outcome column. Hidden while every rule fits.

import { profileOf, type RuleDraft } from '../../core/draft';
import { findColumn } from '../../core/table';
import { closest, normalizeText } from '../../core/text';
import { h } from '../dom';
import * as edit from '../draft-editing';
import type { SidebarMessages } from '../messages';
import type { Session, View } from '../session';

/** Rules named in the list; the rest are counted (each is marked in its profile anyway). */
const LISTED = 3;

/**
 * The rules whose Attribute names no column of the table, by the lookup the formulas use, each with why in
 * the sidebar's words (the formulas' own message would bring the core's English catalog into the sidebar).
 */
export function unfitRules(rules: readonly RuleDraft[], headers: readonly string[], t: SidebarMessages): { index: number; problem: string }[] {
  const keys = headers.map(normalizeText);
  return rules.flatMap((rule, index) => {
    const attribute = rule.attribute.trim();
    return attribute !== '' && findColumn({ keys }, [attribute]) < 0 ? [{ index, problem: t.notColumn(attribute, closest(attribute, headers)) }] : [];
  });
}

export function guideView(session: Session): View {
  const { t } = session;
  const element = h('section', { class: 'guide', 'aria-live': 'polite' });
  const start = h('button', { type: 'button', class: 'action secondary', 'data-action': 'start-from-columns' }, t.startFromColumns) as HTMLButtonElement;
  start.addEventListener('click', () => {
    start.disabled = true;
    void session.startFromColumns().finally(() => {
      start.disabled = false;
    });
  });
  // A second way to start: open Learn from my data, below, at its outcome column.
  const learn = h(
    'div',
    { class: 'guide-slot', 'data-slot': 'learn' },
    h(
      'button',
      {
        type: 'button',
        class: 'action secondary',
        'data-action': 'open-learn',
        onClick: () => {
          session.openLearn(true);
          const panel = element.parentElement?.querySelector<HTMLElement>('.learn');
          panel?.scrollIntoView?.({ block: 'start' });
          panel?.querySelector<HTMLElement>('select[name=outcome]')?.focus();
        },
      },
      t.learnFromColumn,
    ),
  );
  const showRule = (index: number) => {
    const profile = profileOf(session.draft.rules[index]);
    session.showProfile(edit.findProfile(session.draft, session.extraProfiles, profile) ?? profile);
    element.parentElement?.querySelector<HTMLElement>(`[data-rule="${index}"] select[name=attribute]`)?.focus();
  };
  return {
    element,
    follows: ['table', 'draft', 'status'],
    render() {
      const table = session.table;
      const rules = session.draft.rules;
      const unfit = table ? unfitRules(rules, table.headers, t) : [];
      const guiding = table !== null && (rules.length === 0 || unfit.length > 0);
      const parts: Node[] = [];
      if (guiding && rules.length === 0) parts.push(h('p', { class: 'guide-text' }, t.noCriteria(table.sheet)));
      if (guiding && unfit.length) {
        parts.push(
          h('p', { class: 'guide-text' }, t.unfit(unfit.length, rules.length, table.sheet)),
          h(
            'ul',
            { class: 'unfit' },
            ...unfit
              .slice(0, LISTED)
              .map(({ index, problem }) =>
                h(
                  'li',
                  {},
                  h('button', { type: 'button', class: 'link what', onClick: () => showRule(index) }, edit.describeRule(rules[index])),
                  h('span', { class: 'why' }, problem),
                ),
              ),
            unfit.length > LISTED ? h('li', { class: 'hint' }, t.more(unfit.length - LISTED)) : null,
          ),
          h('p', { class: 'hint' }, t.unfitHelp),
        );
      }
      if (guiding) parts.push(h('div', { class: 'guide-actions' }, start, learn));
      if (session.guideNote) parts.push(h('p', { class: 'guide-note' }, session.guideNote));
      element.replaceChildren(...parts);
      element.hidden = parts.length === 0;
      element.classList.toggle('calm', !guiding);
    },
  };
}
