// Save, the status line, and the offer to reload when the criteria tab changed under unsaved edits.

import { h } from '../dom';
import type { Session, View } from '../session';

export function footerView(session: Session): View {
  const { t } = session;
  const status = h('div', { class: 'status', role: 'status' });
  const reload = h('div', { class: 'reload' });
  return {
    element: h(
      'footer',
      {},
      h('button', { type: 'button', class: 'action', 'data-action': 'save', onClick: () => void session.save() }, t.save),
      status,
      reload,
    ),
    follows: ['status'],
    render() {
      status.textContent = session.status;
      reload.replaceChildren(
        ...(session.stale ? [h('button', { type: 'button', class: 'link', 'data-action': 'reload', onClick: () => void session.reload() }, t.reload)] : []),
      );
    },
  };
}
