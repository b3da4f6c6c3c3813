// Building the sidebar's DOM with createElement and textContent only: user data is never parsed as HTML.

import type { FieldError } from '../addon/draft';
import { errorFor } from './draft-editing';

type Props = Record<string, string | number | boolean | ((event: Event) => void) | undefined>;
type Child = Node | string | null | undefined | false;

/** An element with properties, event handlers (`onClick`) and children; strings become text nodes. */
export function h(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
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

/** A labelled control with the place its error appears: `key` is `rule-0-value`, `tier-1-min`, `draft`. */
export function field(label: string, control: HTMLElement, key: string): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), control, h('span', { class: 'error', 'data-error': key }));
}

/** Puts every error next to its field (and the draft's under the rules), clearing the others. */
export function showErrors(root: HTMLElement, errors: readonly FieldError[]): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-error]')) {
    const [scope, index, name] = (el.dataset.error ?? '').split('-');
    const message =
      scope === 'draft'
        ? errors
            .filter((e) => e.scope === 'draft')
            .map((e) => e.message)
            .join(' ')
        : errorFor(errors, scope as FieldError['scope'], Number(index), name);
    el.textContent = message ?? '';
    el.closest('.field')?.classList.toggle('invalid', Boolean(message));
  }
}

/** The value of the input or select an event came from. */
export function inputValue(event: Event): string {
  return (event.target as HTMLInputElement).value;
}
