// The criteria editor in the sidebar. Builds its DOM with createElement and textContent only: user data is
// never parsed as HTML. Structure re-renders on structural edits; typing only updates the draft, so inputs
// keep their focus, and a debounced preview asks the server to score the draft.

import type { CriteriaDraft, FieldError, RuleDraft } from '../addon/draft';
import type { Preview, SidebarState } from '../addon/sidebar-api';
import { createServer, type ScriptRun, type Server } from './bridge';
import * as edit from './draft-editing';
import { sidebarMessages, type SidebarMessages } from './messages';

type Props = Record<string, string | number | boolean | ((event: Event) => void) | undefined>;

/** An element with properties, event handlers and text children; strings become text nodes, never HTML. */
function h(tag: string, props: Props = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') el.className = String(value);
    else if (key === 'value' || key === 'checked') (el as unknown as Record<string, unknown>)[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

export interface SidebarOptions {
  /** Milliseconds between the last edit and the preview request. */
  readonly debounceMs?: number;
}

export interface Sidebar {
  /** Resolves when the current preview or save request has been answered. */
  settled(): Promise<void>;
  draft(): CriteriaDraft;
}

export async function startSidebar(root: HTMLElement, server: Server, options: SidebarOptions = {}): Promise<Sidebar> {
  const state: SidebarState = await server.getSidebarState();
  const t: SidebarMessages = sidebarMessages(state.language);
  document.documentElement.lang = state.language;
  let draft: CriteriaDraft = state.draft;
  let extraProfiles: string[] = [];
  let active = edit.profiles(draft)[0];
  let errors: FieldError[] = [];
  let pending: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const headers = state.table?.headers ?? [];

  const rulesBox = h('div', { class: 'rules' });
  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const tiersBox = h('div', { class: 'tiers' });
  const previewBox = h('div', { class: 'preview', 'aria-live': 'polite' });
  const status = h('div', { class: 'status', role: 'status' });
  const draftError = h('div', { class: 'error', 'data-error': 'draft' });

  const changed = (structural: boolean) => {
    if (structural) render();
    clearTimeout(timer);
    timer = setTimeout(() => request('preview'), options.debounceMs ?? 400);
  };

  function request(kind: 'preview' | 'save'): Promise<void> {
    clearTimeout(timer);
    const sent = draft;
    if (kind === 'save') status.textContent = t.saving;
    pending = (kind === 'save' ? server.saveCriteria(sent) : server.previewCriteria(sent))
      .then((outcome) => {
        if (sent !== draft && kind === 'preview') return; // a newer edit will bring its own preview
        if (outcome.ok) {
          errors = [];
          renderPreview(outcome.preview);
          if (kind === 'save') status.textContent = t.saved;
        } else {
          errors = outcome.errors;
          if (kind === 'save') status.textContent = t.fixErrors;
        }
        renderErrors();
      })
      .catch((error: Error) => {
        status.textContent = t.failed + (error?.message ?? String(error));
      });
    return pending;
  }

  function render(): void {
    tabs.replaceChildren(
      ...edit.profiles(draft, extraProfiles).map((name) =>
        h('button', { type: 'button', role: 'tab', class: name === active ? 'tab active' : 'tab', 'aria-selected': String(name === active), onClick: () => { active = name; render(); } }, name),
      ),
      h('button', { type: 'button', class: 'tab add', 'data-action': 'add-profile', onClick: () => {
        const name = window.prompt(t.newProfile)?.trim();
        if (!name) return;
        extraProfiles = [...extraProfiles, name];
        active = name;
        render();
      } }, t.addProfile),
    );
    const indices = edit.ruleIndices(draft, active);
    rulesBox.replaceChildren(...(indices.length ? indices.map(ruleRow) : [h('p', { class: 'hint' }, t.noRules)]));
    tiersBox.replaceChildren(...draft.tiers.map(tierRow), h('button', { type: 'button', class: 'link', onClick: () => { draft = edit.addTier(draft); changed(true); } }, t.addTier));
    renderErrors();
  }

  function field(label: string, control: HTMLElement, key: string): HTMLElement {
    return h('label', { class: 'field' }, h('span', {}, label), control, h('span', { class: 'error', 'data-error': key }));
  }

  function ruleRow(index: number): HTMLElement {
    const rule = draft.rules[index];
    const set = <K extends keyof RuleDraft>(key: K, structural = false) => (value: RuleDraft[K]) => {
      draft = edit.updateRule(draft, index, key, value);
      changed(structural);
    };
    const attributes = headers.includes(rule.attribute) || rule.attribute === '' ? headers : [rule.attribute, ...headers];
    const attribute = h('select', { name: 'attribute', onChange: (e) => set('attribute', true)((e.target as HTMLSelectElement).value) },
      h('option', { value: '' }, '—'),
      ...attributes.map((a) => h('option', { value: a, selected: a === rule.attribute }, a)));
    (attribute as HTMLSelectElement).value = rule.attribute;
    const operators = state.operators.includes(rule.operator) ? state.operators : [rule.operator, ...state.operators];
    const operator = h('select', { name: 'operator', onChange: (e) => set('operator')((e.target as HTMLSelectElement).value) },
      ...operators.map((op) => h('option', { value: op, selected: op === rule.operator }, op)));
    (operator as HTMLSelectElement).value = rule.operator;
    const listId = `values-${index}`;
    const suggestions = state.table?.suggestions[rule.attribute] ?? [];
    const value = h('input', { name: 'value', value: rule.value, list: listId, autocomplete: 'off', onInput: (e) => set('value')((e.target as HTMLInputElement).value) });
    const points = h('input', { name: 'points', type: 'text', inputmode: 'decimal', value: rule.points, onInput: (e) => set('points')((e.target as HTMLInputElement).value) });
    const required = h('input', { name: 'required', type: 'checkbox', checked: rule.required, onChange: (e) => set('required')((e.target as HTMLInputElement).checked) });
    const key = (f: string) => `rule-${index}-${f}`;
    return h('div', { class: 'rule', 'data-rule': index },
      field(t.attribute, attribute, key('attribute')),
      field(t.operator, operator, key('operator')),
      field(t.value, value, key('value')),
      h('datalist', { id: listId }, ...suggestions.map((s) => h('option', { value: s }))),
      h('div', { class: 'row' },
        field(t.points, points, key('points')),
        h('label', { class: 'check' }, required, h('span', {}, t.required)),
        h('span', { class: 'actions' },
          h('button', { type: 'button', title: t.moveUp, 'aria-label': t.moveUp, onClick: () => { draft = edit.moveRule(draft, index, -1); changed(true); } }, '↑'),
          h('button', { type: 'button', title: t.moveDown, 'aria-label': t.moveDown, onClick: () => { draft = edit.moveRule(draft, index, 1); changed(true); } }, '↓'),
          h('button', { type: 'button', title: t.remove, 'aria-label': t.remove, onClick: () => { draft = edit.removeRule(draft, index); changed(true); } }, '✕'))),
    );
  }

  function tierRow(tier: { label: string; min: string }, index: number): HTMLElement {
    const key = (f: string) => `tier-${index}-${f}`;
    return h('div', { class: 'tier row', 'data-tier': index },
      field(t.tierLabel, h('input', { name: 'label', value: tier.label, onInput: (e) => { draft = edit.updateTier(draft, index, 'label', (e.target as HTMLInputElement).value); changed(false); } }), key('label')),
      field(t.tierMin, h('input', { name: 'min', value: tier.min, inputmode: 'decimal', onInput: (e) => { draft = edit.updateTier(draft, index, 'min', (e.target as HTMLInputElement).value); changed(false); } }), key('min')),
      h('button', { type: 'button', title: t.remove, 'aria-label': t.remove, onClick: () => { draft = edit.removeTier(draft, index); changed(true); } }, '✕'));
  }

  function renderErrors(): void {
    for (const el of root.querySelectorAll<HTMLElement>('[data-error]')) {
      const [scope, index, fieldName] = (el.dataset.error ?? '').split('-');
      const message = scope === 'draft'
        ? errors.filter((e) => e.scope === 'draft').map((e) => e.message).join(' ')
        : edit.errorFor(errors, scope as FieldError['scope'], Number(index), fieldName);
      el.textContent = message ?? '';
      el.closest('.field')?.classList.toggle('invalid', Boolean(message));
    }
  }

  function renderPreview(preview: Preview): void {
    const most = Math.max(1, ...preview.tierCounts.map((c) => c.count));
    previewBox.replaceChildren(
      h('p', { class: 'hint' }, t.previewNote),
      h('div', { class: 'bars' }, ...preview.tierCounts.map(({ tier, count }) =>
        h('div', { class: 'bar-row', 'data-tier': tier },
          h('span', { class: 'bar-label' }, tier),
          h('span', { class: 'bar', style: `width:${Math.round((count / most) * 100)}%` }),
          h('span', { class: 'bar-count' }, String(count))))),
      h('h3', {}, t.topAccounts),
      h('ol', { class: 'top' }, ...preview.top.map((a) =>
        h('li', {}, h('b', {}, a.name), ` ${a.score} (${a.tier})`, h('div', { class: 'why' }, a.why)))),
    );
  }

  root.replaceChildren(
    h('section', { class: 'table-info' },
      h('h2', {}, t.table),
      state.table ? h('p', {}, h('b', {}, state.table.sheet), ` · ${t.headerRow(state.table.headerRow, state.table.rows)}`) : h('p', { class: 'error' }, t.noTable)),
    h('section', {}, h('h2', {}, t.profiles), tabs),
    h('section', {}, h('h2', {}, t.rules), rulesBox,
      h('button', { type: 'button', class: 'link', 'data-action': 'add-rule', onClick: () => { draft = edit.addRule(draft, active); changed(true); } }, t.addRule), draftError),
    h('section', {}, h('h2', {}, t.tiers), tiersBox),
    h('section', {}, h('h2', {}, t.preview), previewBox),
    h('footer', {}, h('button', { type: 'button', class: 'action', 'data-action': 'save', onClick: () => request('save') }, t.save), status),
  );
  render();
  if (draft.rules.length) request('preview');
  return { settled: () => pending, draft: () => draft };
}

declare const google: { script: { run: ScriptRun } } | undefined;

// In Sheets (and the playground), start at once against google.script.run.
if (typeof google !== 'undefined' && google?.script?.run && typeof document !== 'undefined') {
  const root = document.getElementById('app');
  if (root) void startSidebar(root, createServer(() => google!.script.run));
}
