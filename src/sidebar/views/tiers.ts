// The tiers: a label and the minimum score that earns it, each; add and delete.

import { field, h, inputValue } from '../dom';
import * as edit from '../draft-editing';
import type { Session, View } from '../session';

export function tiersView(session: Session): View {
  const { t } = session;
  const list = h('div', { class: 'tiers' });
  const tierRow = (tier: { label: string; min: string }, index: number) => {
    const key = (f: string) => `tier-${index}-${f}`;
    const set = (name: 'label' | 'min') => (e: Event) => session.edit((d) => edit.updateTier(d, index, name, inputValue(e)));
    return h(
      'div',
      { class: 'tier row', 'data-tier': index },
      field(t.tierLabel, h('input', { name: 'label', value: tier.label, onInput: set('label') }), key('label')),
      field(t.tierMin, h('input', { name: 'min', value: tier.min, inputmode: 'decimal', onInput: set('min') }), key('min')),
      h('button', { type: 'button', title: t.remove, 'aria-label': t.remove, onClick: () => session.edit((d) => edit.removeTier(d, index), true) }, '✕'),
    );
  };
  return {
    element: h('section', {}, h('h2', {}, t.tiers), list),
    follows: ['draft'],
    render() {
      list.replaceChildren(
        ...session.draft.tiers.map(tierRow),
        h('button', { type: 'button', class: 'link', onClick: () => session.edit(edit.addTier, true) }, t.addTier),
      );
    },
  };
}
