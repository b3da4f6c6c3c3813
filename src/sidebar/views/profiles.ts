// The profiles as tabs: pick the one whose rules are shown, or start a new one.

import { h } from '../dom';
import * as edit from '../draft-editing';
import type { Session, View } from '../session';

export function profilesView(session: Session): View {
  const { t } = session;
  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const addProfile = () => {
    const name = window.prompt(t.newProfile)?.trim();
    if (name) session.showProfile(name, true);
  };
  return {
    element: h('section', {}, h('h2', {}, t.profiles), tabs),
    follows: ['draft'],
    render() {
      tabs.replaceChildren(
        ...edit.profiles(session.draft, session.extraProfiles).map((name) => {
          const shown = name === session.active;
          return h('button', { type: 'button', role: 'tab', class: shown ? 'tab active' : 'tab', 'aria-selected': String(shown), onClick: () => session.showProfile(name) }, name);
        }),
        h('button', { type: 'button', class: 'tab add', 'data-action': 'add-profile', onClick: addProfile }, t.addProfile),
      );
    },
  };
}
