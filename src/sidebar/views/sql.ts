// Copy as SQL: the query that scores a warehouse table as the formulas score this sheet, for the draft shown
// (saved or not), written on the server by the code behind ICP_SQL. Collapsed until opened; while closed
// nothing is asked for.

import type { SqlChoice } from '../../addon/sidebar-api';
import { h, inputValue } from '../dom';
import * as edit from '../draft-editing';
import type { Session, View } from '../session';

const DIALECTS: readonly SqlChoice['dialect'][] = ['bigquery', 'postgres', 'duckdb'];

export function sqlView(session: Session): View {
  const { t } = session;
  let choice: SqlChoice = { dialect: 'bigquery', table: 'accounts', columns: 'exact' };
  let open = false;
  const choose = (change: Partial<SqlChoice>, delay?: number) => {
    choice = { ...choice, ...change };
    session.chooseSql(choice, delay);
  };

  const toggle = h(
    'button',
    { type: 'button', class: 'disclosure', 'data-action': 'toggle-sql', 'aria-expanded': 'false', 'aria-controls': 'sql-body' },
    t.sql,
  );
  const dialect = h(
    'select',
    { name: 'dialect', onChange: (e) => choose({ dialect: inputValue(e) as SqlChoice['dialect'] }, 0) },
    ...DIALECTS.map((d) => h('option', { value: d }, t.dialects[d])),
  );
  const table = h('input', {
    name: 'table',
    value: choice.table,
    placeholder: 'project.dataset.accounts',
    autocomplete: 'off',
    spellcheck: 'false',
    onInput: (e) => choose({ table: inputValue(e) }),
  });
  const tableError = h('span', { class: 'error', 'data-sql-error': 'table' });
  const snake = h('input', {
    name: 'snake',
    type: 'checkbox',
    onChange: (e) => choose({ columns: (e.target as HTMLInputElement).checked ? 'snake' : 'exact' }, 0),
  });
  const text = h('textarea', { name: 'sql', readonly: true, rows: 9, spellcheck: 'false', wrap: 'off', 'aria-label': t.sql }) as HTMLTextAreaElement;
  const problem = h('p', { class: 'error sql-problem', role: 'alert' });
  const status = h('span', { class: 'sql-status', role: 'status' });
  const copy = h(
    'button',
    { type: 'button', class: 'action secondary', 'data-action': 'copy-sql', onClick: () => void copyQuery() },
    t.copy,
  ) as HTMLButtonElement;
  const body = h(
    'div',
    { class: 'sql-body', id: 'sql-body', hidden: true },
    h('p', { class: 'hint' }, t.sqlIntro),
    h(
      'div',
      { class: 'row' },
      h('label', { class: 'field narrow' }, h('span', {}, t.dialect), dialect),
      h('label', { class: 'field' }, h('span', {}, t.sqlTable), table, tableError),
    ),
    h('label', { class: 'check' }, snake, h('span', {}, t.snake)),
    text,
    problem,
    h('div', { class: 'copy-row' }, copy, status),
  );

  toggle.addEventListener('click', () => {
    open = !open;
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    session.chooseSql(open ? choice : null, 0);
  });

  /**
   * The clipboard API first; Apps Script's sidebar frame may block it (no clipboard-write permission), so
   * then the selected text with execCommand('copy'), and if that fails too the text stays selected for Ctrl+C.
   */
  async function copyQuery(): Promise<void> {
    const label = t.dialects[choice.dialect];
    try {
      await navigator.clipboard.writeText(text.value);
      status.textContent = t.copied(label);
      return;
    } catch {
      // blocked or missing: copy the selection instead
    }
    text.focus();
    text.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    if (copied) {
      text.setSelectionRange(0, 0);
      text.scrollTop = 0;
    }
    status.textContent = copied ? t.copied(label) : t.copyBlocked;
  }

  return {
    element: h('section', { class: 'sql' }, h('h2', {}, toggle), body),
    follows: ['sql'],
    render() {
      const answer = session.sql;
      const outcome = answer?.outcome;
      const current = answer !== null && answer.draft === session.draft;
      text.value = outcome?.ok ? outcome.sql : '';
      text.placeholder = open && !outcome ? t.sqlWaiting : '';
      copy.disabled = !outcome?.ok;
      status.textContent = '';
      const wrong = outcome && !outcome.ok ? outcome.problem : undefined;
      tableError.textContent = wrong?.field === 'table' ? wrong.message : '';
      tableError.closest('.field')?.classList.toggle('invalid', wrong?.field === 'table');
      if (outcome && !outcome.ok && !wrong) problem.textContent = t.sqlFixDraft;
      else if (wrong?.scope === 'rule' && current && session.draft.rules[wrong.index])
        problem.textContent = `${edit.describeRule(session.draft.rules[wrong.index])}: ${wrong.message}`;
      else problem.textContent = wrong && wrong.field !== 'table' ? wrong.message : '';
    },
  };
}
