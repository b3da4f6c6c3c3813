// The account table the rules are checked against: its sheet, header row and size.

import { h } from '../dom';
import type { Session, View } from '../session';

export function tableView(session: Session): View {
  const { t } = session;
  const element = h('section', { class: 'table-info' });
  return {
    element,
    follows: ['table'],
    render() {
      const table = session.table;
      element.replaceChildren(
        h('h2', {}, t.table),
        table ? h('p', {}, h('b', {}, table.sheet), ` · ${t.headerRow(table.headerRow, table.rows)}`) : h('p', { class: 'error' }, t.noTable),
      );
    },
  };
}
