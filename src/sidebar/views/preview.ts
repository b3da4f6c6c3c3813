// The live preview of the unsaved draft, scored on the server by the same core as the formulas: tier
// counts as bars and the top accounts with their explanations.

import { DEFAULT_PROFILE } from '../../core/criteria';
import { h } from '../dom';
import type { Session, View } from '../session';

export function previewView(session: Session): View {
  const { t } = session;
  const box = h('div', { class: 'preview', 'aria-live': 'polite' });
  // An explanation names its profile when there are several (`[Default] 80 = …`): the blank one as the tabs do.
  const blank = `[${DEFAULT_PROFILE}] `;
  const why = (text: string) => (text.startsWith(blank) ? `[${session.profileLabel('')}] ${text.slice(blank.length)}` : text);
  return {
    element: h('section', {}, h('h2', {}, t.preview), box),
    follows: ['preview', 'status'],
    render() {
      const preview = session.preview;
      if (!preview) return void box.replaceChildren();
      const most = Math.max(1, ...preview.tierCounts.map((c) => c.count));
      box.replaceChildren(
        // Says what the bars score: the criteria as saved, or a draft nothing has written yet.
        h(
          'p',
          { class: 'hint', 'data-preview': session.previewIsSaved ? 'saved' : 'draft' },
          session.previewIsSaved ? t.previewSaved(session.tab) : t.previewNote,
        ),
        h(
          'div',
          { class: 'bars' },
          ...preview.tierCounts.map(({ tier, count }) =>
            h(
              'div',
              { class: 'bar-row', 'data-tier': tier },
              h('span', { class: 'bar-label' }, tier),
              h('span', { class: 'bar', style: `width:${Math.round((count / most) * 100)}%` }),
              h('span', { class: 'bar-count' }, session.number(count)),
            ),
          ),
        ),
        h('h3', {}, t.topAccounts),
        h(
          'ol',
          { class: 'top' },
          ...preview.top.map((a) => h('li', {}, h('b', {}, a.name), ` ${session.number(a.score)} (${a.tier})`, h('div', { class: 'why' }, why(a.why)))),
        ),
      );
    },
  };
}
