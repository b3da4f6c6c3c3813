// Learn from my data: pick the column that says how accounts turned out, let the server learn rules from it
// (ICP_SUGGEST's core), see each rule's evidence and how the suggestion ranks against the shown profile, and
// add the ticked rules to the draft as a new profile or into one it has. Collapsed until opened.

import type { LearnOutcome } from '../../addon/sidebar-api';
import type { Suggestion } from '../../core/learn/suggest';
import { METRIC_COLUMNS } from '../../core/segments';
import { normalizeText } from '../../core/text';
import { h } from '../dom';
import * as edit from '../draft-editing';
import type { Session, View } from '../session';

type Kind = Suggestion['kind'];

/** Number columns whose header names a value an account brought (a deal, MRR, CLV), not a trait of it. */
const VALUE_HEADER = /deal|value|amount|\bmrr\b|\barr\b|\bclv\b|\bltv\b|lifetime|wert|betrag|værdi|vaerdi|beløb|beloeb/;
const KIND_ORDER: Record<Kind, number> = { won: 0, value: 1, churn: 2 };
const TENURE_HEADERS = new Set([...METRIC_COLUMNS.since, ...METRIC_COLUMNS.months].map(normalizeText));
/** Fewer won or lost (churned or retained) accounts than this, and no AUC is estimated (the learner's MIN_ACCOUNTS). */
const ENOUGH = 30;

/**
 * The likely outcome columns, as the learner reads them: won/lost columns, then value columns named like a
 * value, then churn flags, each in table order. Every other column follows, for the user to pick anyway.
 */
export function outcomeChoices(columns: readonly [string, Kind | ''][]): { likely: [string, Kind][]; other: string[] } {
  const likely = columns.filter((c): c is [string, Kind] => c[1] === 'won' || c[1] === 'churn' || (c[1] === 'value' && VALUE_HEADER.test(normalizeText(c[0]))));
  likely.sort((a, b) => KIND_ORDER[a[1]] - KIND_ORDER[b[1]]);
  return { likely, other: columns.filter((c) => !likely.includes(c as [string, Kind])).map((c) => c[0]) };
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** A learned rule as a rule of the draft (its profile given when it is added). */
const asDraft = (r: Suggestion['rules'][number]) => ({
  attribute: r.attribute,
  operator: r.operator,
  value: r.value,
  points: String(r.points),
  required: false,
});

export function learnView(session: Session): View {
  const { t } = session;
  const lang = session.language;
  const number = (digits: number) => new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const percent = (digits: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits });

  const toggle = h(
    'button',
    { type: 'button', class: 'disclosure', 'data-action': 'toggle-learn', 'aria-expanded': 'false', 'aria-controls': 'learn-body' },
    t.learn,
  );
  const outcome = h('select', { name: 'outcome', onChange: () => showTenure() }) as HTMLSelectElement;
  const tenure = h('select', { name: 'tenure' }) as HTMLSelectElement;
  const tenureField = h('label', { class: 'field', hidden: true }, h('span', {}, t.tenure), tenure);
  const noLikely = h('p', { class: 'hint', hidden: true }, t.noLikely);
  const go = h(
    'button',
    {
      type: 'button',
      class: 'action secondary',
      'data-action': 'learn',
      onClick: () => void session.learn(outcome.value, tenureField.hidden ? '' : tenure.value),
    },
    t.learnAction,
  ) as HTMLButtonElement;
  const working = h('span', { class: 'learn-status', role: 'status' });
  const result = h('div', { class: 'learn-result', 'aria-live': 'polite' });
  const body = h(
    'div',
    { class: 'learn-body', id: 'learn-body', hidden: true },
    h('p', { class: 'hint' }, t.learnIntro),
    h('label', { class: 'field' }, h('span', {}, t.outcome), outcome),
    noLikely,
    tenureField,
    h('div', { class: 'learn-go' }, go, working),
    result,
  );
  const element = h('section', { class: 'learn' }, h('h2', {}, toggle), body);
  toggle.addEventListener('click', () => session.openLearn(!session.learnOpen));

  // The rule choice and the target survive redraws; a new suggestion ticks every rule again.
  let shownColumns: LearnOutcome['columns'] | null = null;
  let kinds = new Map<string, Kind | ''>();
  let shown: Suggestion | undefined;
  let ticked: boolean[] = [];
  const target = h('select', { name: 'learn-target', onChange: () => updateAccept() }) as HTMLSelectElement;
  const name = h('input', { name: 'learn-name', autocomplete: 'off', spellcheck: 'false', 'aria-label': t.newProfile }) as HTMLInputElement;
  const nameError = h('span', { class: 'error' });
  const nameField = h('label', { class: 'field' }, h('span', {}, t.newProfile), name, nameError);
  const accept = h('button', { type: 'button', class: 'action', 'data-action': 'add-learned', onClick: () => addTicked() }) as HTMLButtonElement;
  // Beside the button: what a new profile does to the other profiles' tiers, and what adding did.
  const caution = h('div', { class: 'learn-warning', 'data-warning': 'best-profile', hidden: true });
  const note = h('p', { class: 'learn-note', role: 'status', hidden: true });

  function showColumns(columns: LearnOutcome['columns']): void {
    if (columns === shownColumns) return;
    shownColumns = columns;
    kinds = new Map(columns);
    const was = outcome.value;
    const { likely, other } = outcomeChoices(columns);
    const option = (header: string, label = header) => h('option', { value: header }, label);
    const groups = [h('optgroup', { label: t.otherColumns }, ...other.map((header) => option(header)))];
    if (likely.length) groups.unshift(h('optgroup', { label: t.likely }, ...likely.map(([header, kind]) => option(header, `${header} (${t.kinds[kind]})`))));
    outcome.replaceChildren(...groups);
    if (was && kinds.has(was)) outcome.value = was;
    noLikely.hidden = likely.length > 0;
    const headers = columns.map((c) => c[0]);
    const tenures = [...headers.filter((c) => TENURE_HEADERS.has(normalizeText(c))), ...headers.filter((c) => !TENURE_HEADERS.has(normalizeText(c)))];
    tenure.replaceChildren(h('option', { value: '' }, t.noTenure), ...tenures.map((header) => option(header)));
    tenure.value = tenures.find((c) => TENURE_HEADERS.has(normalizeText(c))) ?? '';
    showTenure();
  }

  function showTenure(): void {
    tenureField.hidden = kinds.get(outcome.value) !== 'churn';
  }

  function updateAccept(): void {
    const count = ticked.filter(Boolean).length;
    accept.textContent = t.addRules(count);
    accept.disabled = count === 0;
    nameField.hidden = target.value !== '';
    nameError.textContent = '';
    showCaution();
  }

  /**
   * The profile a new one would sit beside and outscore: the shown one, else the first with rules; never
   * one that has the rules already (the one they were just added as).
   */
  function ownProfile(rules: readonly Suggestion['rules'][number][]): string | undefined {
    const candidates = edit
      .profiles(session.draft)
      .filter((p) => edit.ruleIndices(session.draft, p).length > 0 && !edit.hasRules(session.draft, p, rules.map(asDraft)));
    return candidates.includes(session.active) ? session.active : candidates[0];
  }

  /**
   * Each account takes its best profile's score: a new profile of a few learned rules competes with the
   * user's own, and can lift many accounts into the top tier on its own. Said before adding, with the
   * points those rules reach and the tier that earns, and the way to sharpen the user's profile instead.
   */
  function showCaution(): void {
    const rules = shown ? shown.rules.filter((_, i) => ticked[i]) : [];
    const own = ownProfile(rules);
    caution.hidden = target.value !== '' || own === undefined || rules.length === 0;
    if (caution.hidden || own === undefined) {
      caution.replaceChildren();
      return;
    }
    const most = rules.reduce((sum, r) => sum + Math.max(0, r.points), 0);
    const tier =
      session.draft.tiers
        .map((x) => ({ label: x.label.trim(), min: Number(x.min.trim().replace(',', '.')) }))
        .filter((x) => x.label !== '' && Number.isFinite(x.min) && x.min <= most)
        .sort((a, b) => b.min - a.min)[0]?.label ?? '';
    const label = session.profileLabel(own);
    caution.replaceChildren(
      h('p', {}, t.bestProfile(rules.length, session.number(most), tier, label)),
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          'data-action': 'add-learned-into',
          onClick: () => {
            target.value = own;
            updateAccept();
            addTicked();
          },
        },
        t.addInstead(label),
      ),
    );
  }

  function addTicked(): void {
    if (!shown) return;
    const rules = shown.rules.filter((_, i) => ticked[i]).map(asDraft);
    const isNew = target.value === '';
    const problem = session.addLearned(rules, isNew ? name.value : target.value, isNew);
    nameError.textContent = problem;
    nameField.classList.toggle('invalid', problem !== '');
    // The panel is long: bring what adding did into view, where the user's eyes are.
    if (!note.hidden) note.scrollIntoView?.({ block: 'nearest' });
  }

  /** The profiles to add into, and a free name for a new one unless the user typed one. */
  function showTargets(): void {
    const was = target.value;
    const profiles = edit.profiles(session.draft, session.extraProfiles);
    target.replaceChildren(
      h('option', { value: '' }, t.asNewProfile),
      ...profiles.map((p) => h('option', { value: p }, t.intoProfile(session.profileLabel(p)))),
    );
    target.value = profiles.includes(was) ? was : '';
    if (name.value.trim() === '' || session.profileNameProblem(name.value))
      name.value = edit.freeProfileName(session.draft, session.extraProfiles, t.learnedProfile);
    updateAccept();
  }

  function rate(s: Suggestion, value: number): string {
    if (s.kind === 'value') return number(0).format(value);
    const text = percent(s.perMonth ? 1 : 0).format(value);
    return s.perMonth ? t.perMonth(text) : text;
  }

  function suggestionParts(answer: LearnOutcome, s: Suggestion): Node[] {
    const few = s.kind === 'value' ? s.accounts < ENOUGH : Math.min(s.positives, s.accounts - s.positives) < ENOUGH;
    const parts: Node[] = [h('p', { class: 'learn-summary' }, t.learnedFrom(s.kind, s.accounts, s.positives, s.outcome, rate(s, s.baseRate)))];
    if (s.leftOut) parts.push(h('p', { class: 'hint' }, t.leftOut(s.leftOut)));
    if (few) {
      const positive = s.positives <= s.accounts - s.positives;
      parts.push(
        h(
          'p',
          { class: 'learn-warning', 'data-warning': 'small-sample' },
          t.tooFew(s.kind === 'value' ? s.accounts : Math.min(s.positives, s.accounts - s.positives), s.kind, positive),
        ),
      );
    }
    // The learner warns first about a small sample and last about an empty suggestion; both are said above.
    const others = s.warnings.slice(few ? 1 : 0, s.rules.length ? undefined : -1);
    if (s.rules.length === 0) {
      parts.push(h('p', { class: 'learn-warning' }, t.nothingLearned));
    } else {
      parts.push(comparison(answer, s, few));
      parts.push(
        h(
          'ul',
          { class: 'learned' },
          ...s.rules.map((r, i) => {
            const box = h('input', {
              type: 'checkbox',
              name: `learned-${i}`,
              checked: ticked[i],
              onChange: (e) => {
                ticked[i] = (e.target as HTMLInputElement).checked;
                updateAccept();
              },
            });
            const points = r.points > 0 ? `+${r.points}` : `−${-r.points}`;
            return h(
              'li',
              { 'data-learned': i },
              h(
                'label',
                { class: 'learned-rule' },
                box,
                h('span', { class: 'what' }, [r.attribute, r.operator, r.value].filter((x) => x !== '').join(' ')),
                h('span', { class: r.points > 0 ? 'pts' : 'pts minus' }, points),
              ),
              h(
                'div',
                { class: 'evidence' },
                t.evidence(r.evidence.accounts, s.kind, rate(s, r.evidence.rate), finite(r.evidence.lift) ? number(2).format(r.evidence.lift) : '—'),
              ),
            );
          }),
        ),
      );
      parts.push(h('ul', { class: 'legend' }, ...t.legend(s.kind, rate(s, s.baseRate)).map((line) => h('li', {}, line))));
      parts.push(h('div', { class: 'accept' }, h('label', { class: 'field' }, h('span', {}, t.addTicked), target), nameField, caution, accept, note));
    }
    if (others.length) parts.push(h('ul', { class: 'learn-notes' }, ...others.map((w) => h('li', {}, w))));
    const notLearned = s.skipped.map((k) => k.column).filter((c) => c !== s.outcome && c !== session.learnedChoice.tenure);
    if (notLearned.length) parts.push(h('p', { class: 'hint' }, t.notLearnedFrom(notLearned)));
    return parts;
  }

  /** The suggestion beside the shown profile: AUC, and the top tiers' share of accounts and of the outcome. */
  function comparison(answer: LearnOutcome, s: Suggestion, few: boolean): Node {
    const suggested = answer.suggested;
    const current = answer.current ?? null;
    const headline = (suggested ?? current)?.headline;
    const tiers = headline ? headline.tiers.join('+') : '';
    const share = (x: number | undefined) => (finite(x) ? percent(0).format(x) : '—');
    const auc = (x: number) => (finite(x) ? number(2).format(x) : '—');
    const row = (label: string, mine: string, theirs: string) =>
      h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, mine), current ? h('td', {}, theirs) : null);
    // Which criteria the right-hand column is: one profile alone, while the sheet scores with all of them.
    const compared = session.profileLabel(session.learnedChoice.profile);
    const profilesWithRules = edit.profiles(session.draft).filter((p) => edit.ruleIndices(session.draft, p).length > 0).length;
    const caption = current ? h('p', { class: 'compare-caption' }, t.comparedWith(compared, profilesWithRules)) : null;
    const table = h(
      'table',
      { class: 'compare' },
      h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, t.suggested), current ? h('th', { scope: 'col', title: compared }, compared) : null)),
      h(
        'tbody',
        {},
        row(t.aucNew, finite(s.cvAuc) ? auc(s.cvAuc) : t.notEstimated, current ? `${auc(current.auc)}${few ? ` (${t.rough})` : ''}` : ''),
        headline ? row(t.shareOfAccounts(tiers), share(suggested?.headline.accountShare), share(current?.headline.accountShare)) : null,
        headline ? row(t.shareOfOutcome(tiers, s.kind), share(suggested?.headline.outcomeShare), share(current?.headline.outcomeShare)) : null,
      ),
    );
    const hint = !current ? (answer.problem ? t.notCompared(answer.problem) : t.noCurrent) : t.compareNote(finite(s.cvAuc));
    return h('div', { class: 'compare-box' }, caption, table, h('p', { class: 'hint' }, hint));
  }

  return {
    element,
    follows: ['learn', 'draft', 'table'],
    render() {
      toggle.setAttribute('aria-expanded', String(session.learnOpen));
      body.hidden = !session.learnOpen;
      const answer = session.learned;
      if (answer) showColumns(answer.columns);
      go.disabled = session.learning || outcome.options.length === 0;
      working.textContent = session.learning ? t.learning : '';
      const s = answer?.suggestion;
      if (s !== shown) {
        shown = s;
        ticked = s ? s.rules.map(() => true) : [];
      }
      showTargets();
      const parts: Node[] = [];
      if (answer === null && !session.learning && session.learnOpen && session.table === null) parts.push(h('p', { class: 'error' }, t.noTable));
      if (answer?.error) parts.push(h('p', { class: 'error', role: 'alert' }, answer.error));
      if (answer && s) parts.push(...suggestionParts(answer, s));
      note.hidden = session.learnNote === null;
      note.textContent = session.learnNote?.text ?? '';
      note.className = session.learnNote?.kind === 'refused' ? 'learn-note refused' : 'learn-note';
      result.replaceChildren(...parts);
    },
  };
}
