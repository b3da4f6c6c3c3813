// The shown profile's rules: attribute (from the table's headers), operator, value with suggestions from
// the column, points and required; reorder and delete; add a rule.

import type { CriteriaDraft, RuleDraft } from '../../core/draft';
import { field, h, inputValue } from '../dom';
import * as edit from '../draft-editing';
import type { Session, View } from '../session';

export function rulesView(session: Session): View {
  const { t } = session;
  const list = h('div', { class: 'rules' });
  const addRule = () => session.addRule();
  return {
    element: h(
      'section',
      {},
      h('h2', {}, t.rules),
      list,
      h('button', { type: 'button', class: 'link', 'data-action': 'add-rule', onClick: addRule }, t.addRule),
      h('div', { class: 'error', 'data-error': 'draft' }),
    ),
    follows: ['draft', 'table'],
    render() {
      const indices = edit.ruleIndices(session.draft, session.active);
      list.replaceChildren(...(indices.length ? indices.map((index) => ruleCard(session, index)) : [h('p', { class: 'hint' }, t.noRules)]));
    },
  };
}

/** A select of `options`, with the current value first when it is not one of them. */
function select(name: string, current: string, options: readonly string[], onChange: (value: string) => void, blank = false, onBlur?: () => void): HTMLElement {
  const shown = options.includes(current) || (blank && current === '') ? options : [current, ...options];
  const el = h(
    'select',
    { name, onChange: (e) => onChange(inputValue(e)), onBlur },
    blank ? h('option', { value: '' }, '—') : null,
    ...shown.map((option) => h('option', { value: option }, option)),
  );
  (el as HTMLSelectElement).value = current;
  return el;
}

function ruleCard(session: Session, index: number): HTMLElement {
  const { t } = session;
  const rule = session.draft.rules[index];
  const set =
    <K extends keyof RuleDraft>(key: K, structural = false) =>
    (value: RuleDraft[K]) =>
      session.editRule(index, key, value, structural);
  // Leaving a field touches it, as typing does: its error shows from then on.
  const left = (f: string) => () => session.touch(index, f);
  const key = (f: string) => `rule-${index}-${f}`;
  const listId = `values-${index}`;
  const action = (label: string, text: string, apply: (d: CriteriaDraft) => CriteriaDraft) =>
    h('button', { type: 'button', title: label, 'aria-label': label, onClick: () => session.edit(apply, true) }, text);
  return h(
    'div',
    { class: 'rule', 'data-rule': index },
    field(t.attribute, select('attribute', rule.attribute, session.table?.headers ?? [], set('attribute', true), true, left('attribute')), key('attribute')),
    field(t.operator, select('operator', rule.operator, session.operators, set('operator'), false, left('operator')), key('operator')),
    field(
      t.value,
      h('input', { name: 'value', value: rule.value, list: listId, autocomplete: 'off', onInput: (e) => set('value')(inputValue(e)), onBlur: left('value') }),
      key('value'),
    ),
    h('datalist', { id: listId }, ...session.suggestions(rule.attribute).map((s) => h('option', { value: s }))),
    h(
      'div',
      { class: 'row' },
      field(
        t.points,
        h('input', {
          name: 'points',
          type: 'text',
          inputmode: 'decimal',
          value: rule.points,
          onInput: (e) => set('points')(inputValue(e)),
          onBlur: left('points'),
        }),
        key('points'),
      ),
      h(
        'label',
        { class: 'check' },
        h('input', { name: 'required', type: 'checkbox', checked: rule.required, onChange: (e) => set('required')((e.target as HTMLInputElement).checked) }),
        h('span', {}, t.required),
      ),
      h(
        'span',
        { class: 'actions' },
        action(t.moveUp, '↑', (d) => edit.moveRule(d, index, -1)),
        action(t.moveDown, '↓', (d) => edit.moveRule(d, index, 1)),
        action(t.remove, '✕', (d) => edit.removeRule(d, index)),
      ),
    ),
  );
}
