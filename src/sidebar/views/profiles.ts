// The profiles as tabs: pick the one whose rules are shown; add, rename and delete profiles. Names are typed
// in an input in the tab row and deleting asks inside the sidebar: a browser prompt or confirm would block
// the page, and Apps Script's sidebar frame may not show one at all.

import { h } from '../dom';
import * as edit from '../draft-editing';
import type { Session, View } from '../session';

/** What the tab row is doing: showing the tabs, naming a new profile, renaming one, or asking to delete one. */
type Mode = { kind: 'tabs' } | { kind: 'adding' } | { kind: 'renaming'; profile: string } | { kind: 'deleting'; profile: string };

export function profilesView(session: Session): View {
  const { t } = session;
  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const below = h('div', { class: 'profile-below' });
  let mode: Mode = { kind: 'tabs' };
  const to = (next: Mode) => {
    mode = next;
    render();
  };

  /** The input that names a profile, with its button and the place its problem appears. */
  const nameEditor = (initial: string, button: string, apply: (name: string) => string) => {
    const input = h('input', {
      name: 'profile-name',
      value: initial,
      placeholder: t.newProfile,
      'aria-label': t.newProfile,
      autocomplete: 'off',
    }) as HTMLInputElement;
    const problem = h('span', { class: 'error', role: 'alert' });
    const submit = () => {
      const message = apply(input.value);
      if (message) problem.textContent = message;
      else to({ kind: 'tabs' });
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') submit();
      else if (event.key === 'Escape') to({ kind: 'tabs' });
    });
    input.addEventListener('input', () => {
      problem.textContent = '';
    });
    return h(
      'span',
      { class: 'tab-edit' },
      input,
      h('button', { type: 'button', class: 'small', 'data-action': 'confirm-profile', onClick: submit }, button),
      h(
        'button',
        { type: 'button', class: 'small quiet', 'data-action': 'cancel-profile', 'aria-label': t.cancel, title: t.cancel, onClick: () => to({ kind: 'tabs' }) },
        '✕',
      ),
      problem,
    );
  };

  function render(): void {
    const names = edit.profiles(session.draft, session.extraProfiles);
    // A profile renamed or deleted elsewhere (a reload) ends what the row was doing with it.
    if ((mode.kind === 'renaming' || mode.kind === 'deleting') && !names.includes(mode.profile)) mode = { kind: 'tabs' };
    const current = mode;
    const editor =
      current.kind === 'adding'
        ? nameEditor('', t.add, (name) => session.addProfile(name))
        : current.kind === 'renaming'
          ? nameEditor(session.profileLabel(current.profile), t.rename, (name) => session.renameProfile(current.profile, name))
          : null;
    tabs.replaceChildren(
      ...names.map((name) => {
        if (editor && current.kind === 'renaming' && name === current.profile) return editor;
        const shown = name === session.active;
        return h(
          'button',
          { type: 'button', role: 'tab', class: shown ? 'tab active' : 'tab', 'aria-selected': String(shown), onClick: () => session.showProfile(name) },
          session.profileLabel(name),
        );
      }),
      editor && current.kind === 'adding'
        ? editor
        : h('button', { type: 'button', class: 'tab add', 'data-action': 'add-profile', onClick: () => to({ kind: 'adding' }) }, t.addProfile),
    );
    if (current.kind === 'deleting') {
      const rules = edit.ruleIndices(session.draft, current.profile).length;
      below.replaceChildren(
        h(
          'div',
          { class: 'confirm', role: 'alertdialog', 'aria-label': t.deleteProfile },
          h('p', {}, t.deleteConfirm(session.profileLabel(current.profile), rules, session.tab)),
          h(
            'button',
            {
              type: 'button',
              class: 'danger',
              'data-action': 'confirm-delete',
              onClick: () => {
                mode = { kind: 'tabs' };
                session.deleteProfile(current.profile);
              },
            },
            t.deleteProfile,
          ),
          h('button', { type: 'button', class: 'link', 'data-action': 'cancel-delete', onClick: () => to({ kind: 'tabs' }) }, t.cancel),
        ),
      );
    } else if (current.kind === 'tabs' && (edit.ruleIndices(session.draft, session.active).length || session.extraProfiles.includes(session.active))) {
      // The Default of an empty draft is no profile yet: nothing to rename or delete.
      const active = session.active;
      below.replaceChildren(
        h(
          'div',
          { class: 'profile-actions' },
          h(
            'button',
            { type: 'button', class: 'link', 'data-action': 'rename-profile', onClick: () => to({ kind: 'renaming', profile: active }) },
            t.renameProfile,
          ),
          h(
            'button',
            { type: 'button', class: 'link', 'data-action': 'delete-profile', onClick: () => to({ kind: 'deleting', profile: active }) },
            t.deleteProfile,
          ),
        ),
      );
    } else {
      below.replaceChildren();
    }
    editor?.querySelector('input')?.focus();
  }

  return { element: h('section', { class: 'profiles' }, h('h2', {}, t.profiles), tabs, below), follows: ['draft'], render };
}
