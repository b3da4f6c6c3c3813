// The sidebar's state and its conversation with the server: the draft being edited, the account table it
// is checked against, the version of the criteria tab it came from, the preview, the SQL and the status
// line. Views read it and ask it for changes; it redraws the views that follow what changed.

import type { FieldError } from '../addon/draft';
import type { LearnChoice, LearnOutcome, Preview, SidebarState, SqlChoice, SqlOutcome, TableInfo } from '../addon/sidebar-api';
import { profileKey } from '../core/criteria';
import { type CriteriaDraft, draftVersion, type RuleDraft } from '../core/draft';
import type { Server } from './bridge';
import { showErrors } from './dom';
import * as edit from './draft-editing';
import { type SidebarMessages, sidebarMessages } from './messages';

/** What a view shows; a view is redrawn when one of the topics it follows changes. */
export type Topic = 'table' | 'draft' | 'preview' | 'status' | 'sql' | 'learn';

/** One section of the sidebar. A new panel is one more view: an element, the topics it follows, a render. */
export interface View {
  readonly element: HTMLElement;
  readonly follows: readonly Topic[];
  render(): void;
}

export type ViewFactory = (session: Session) => View;

export interface SessionOptions {
  /** Milliseconds between the last edit and the preview request. */
  readonly debounceMs?: number;
}

/** The query the server wrote for a draft and a choice (the draft sent, to tell whether it is still current). */
export interface SqlAnswer {
  readonly outcome: SqlOutcome;
  readonly draft: CriteriaDraft;
}

/** What adding learned rules did, shown beside the Add button: `done`, or `refused` when nothing was added. */
export interface LearnNote {
  readonly text: string;
  readonly kind: 'done' | 'refused';
}

/** A rule's fields, as its errors name them. */
const RULE_FIELDS = ['attribute', 'operator', 'value', 'points', 'required'] as const;
type RuleField = (typeof RULE_FIELDS)[number];

export class Session {
  readonly language: string;
  readonly t: SidebarMessages;
  readonly operators: readonly string[];
  /** The criteria tab's name, as the messages call it: its own, or the one a first save gives it. */
  tab: string;
  table: TableInfo | null = null;
  draft: CriteriaDraft;
  /** The version of the criteria tab the draft was loaded from or last saved to. */
  version: string;
  /** The profile whose rules are shown. */
  active: string;
  /** Profiles added in the sidebar that have no rules yet. */
  extraProfiles: string[] = [];
  errors: FieldError[] = [];
  preview: Preview | null = null;
  status = '';
  /** The tab changed since it was loaded while the sidebar has edits of its own: saving waits for a reload. */
  stale = false;
  /** What the guide says about the profile it started from the sheet's columns, until the next save or reload. */
  guideNote = '';
  /** Copy as SQL's choice while its panel is open; null while it is closed, and no query is asked for. */
  sqlChoice: SqlChoice | null = null;
  sql: SqlAnswer | null = null;
  /** Learn from my data: whether its panel is open, the server's last answer, and the profile it compared. */
  learnOpen = false;
  learned: LearnOutcome | null = null;
  /** What the last answer was asked for: its outcome, tenure and the profile compared. */
  learnedChoice: LearnChoice = { outcome: '', tenure: '', profile: '' };
  learning = false;
  /** What adding learned rules did (or why nothing was added), until the next learning or save. */
  learnNote: LearnNote | null = null;
  /** The draft the shown preview scored: it says whether that is the saved criteria or an unsaved draft. */
  previewed: CriteriaDraft | null = null;
  /** The criteria tab exists (a save creates it). */
  tabExists: boolean;

  private views: View[] = [];
  private root: HTMLElement | null = null;
  private suggestionsByHeader = new Map<string, string[]>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sqlTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Fields of rules added in this editor that the user has not touched yet, by rule: their errors wait
   * until the field is touched or a save is tried, so a new rule is not red before it is filled in.
   */
  private untouched = new WeakMap<RuleDraft, Set<string>>();
  private saves = 0;
  private saving = false;
  private checking = false;
  /** Asked to check while a check was under way: the workbook may have changed after it asked. */
  private recheck = false;

  constructor(
    readonly server: Server,
    state: SidebarState,
    private readonly options: SessionOptions = {},
  ) {
    this.language = state.language;
    this.t = sidebarMessages(state.language);
    this.operators = state.operators;
    this.tab = state.tab;
    this.draft = state.draft;
    this.version = state.version;
    this.tabExists = state.saved;
    this.active = edit.profiles(state.draft)[0];
    this.setTable(state.table);
  }

  /** Builds the views into `root`, in order. */
  mount(root: HTMLElement, views: readonly ViewFactory[]): void {
    this.root = root;
    this.views = views.map((view) => view(this));
    root.replaceChildren(...this.views.map((v) => v.element));
    this.notify('table', 'draft', 'preview', 'status');
  }

  /**
   * Redraws the views that follow any of the topics, then shows the errors next to their fields: the
   * draft's, and a rule's that only SQL has while the SQL panel shows it.
   */
  notify(...topics: Topic[]): void {
    for (const view of this.views) if (view.follows.some((t) => topics.includes(t))) view.render();
    if (this.root) showErrors(this.root, [...this.errors.filter((e) => !this.waiting(e)), ...this.sqlRuleProblems()]);
  }

  /** An error of a field the user has not touched yet, on a rule added in this editor. */
  private waiting(error: FieldError): boolean {
    if (error.scope !== 'rule') return false;
    const rule = this.draft.rules[error.index];
    return rule !== undefined && (this.untouched.get(rule)?.has(error.field || 'attribute') ?? false);
  }

  /** The user touched a rule's field (typed, picked, or left it): its error shows from now on. */
  touch(index: number, field: string): void {
    const fields = this.untouched.get(this.draft.rules[index]);
    if (fields?.delete(field)) this.notify();
  }

  private sqlRuleProblems(): FieldError[] {
    const answer = this.sql;
    if (!answer || answer.draft !== this.draft || answer.outcome.ok || answer.outcome.problem?.scope !== 'rule') return [];
    return [answer.outcome.problem];
  }

  /**
   * A profile's name as the sidebar shows it: the blank profile (which the formulas call Default) in the
   * user's words, unless another profile already goes by those words.
   */
  profileLabel(name: string): string {
    if (profileKey(name) !== profileKey('') || profileKey(this.t.defaultProfile) === profileKey('')) return name;
    const clash = edit.profiles(this.draft, this.extraProfiles).some((p) => profileKey(p) === profileKey(this.t.defaultProfile));
    return clash ? name : this.t.defaultProfile;
  }

  /** A number with the language's separators and at most `digits` decimals: 1,234.5 · 1.234,5. */
  number(value: number, digits = 2): string {
    return new Intl.NumberFormat(this.language, { maximumFractionDigits: digits }).format(value);
  }

  /** The column's most frequent values, for a rule's value suggestions. */
  suggestions(header: string): string[] {
    return this.suggestionsByHeader.get(header) ?? [];
  }

  /** Applies an edit to the draft. A structural edit redraws the draft's views; typing does not, so inputs keep focus. */
  edit(change: (draft: CriteriaDraft) => CriteriaDraft, structural = false): void {
    const before = this.draft;
    this.draft = change(before);
    // An edit that replaces rules one for one (a field typed, a profile renamed) keeps what is untouched.
    if (before.rules.length === this.draft.rules.length) {
      this.draft.rules.forEach((rule, i) => {
        const fields = this.untouched.get(before.rules[i]);
        if (fields && rule !== before.rules[i]) this.untouched.set(rule, fields);
      });
    }
    if (structural) this.notify('draft');
    this.schedulePreview();
  }

  /** Sets one field of a rule, which counts as touching it. */
  editRule<K extends keyof RuleDraft>(index: number, field: K, value: RuleDraft[K], structural = false): void {
    this.untouched.get(this.draft.rules[index])?.delete(field);
    this.edit((d) => edit.updateRule(d, index, field, value), structural);
  }

  /** Adds an empty rule to the shown profile, with the first operator of the user's language; its errors wait until it is filled in. */
  addRule(): void {
    this.edit((d) => {
      const next = edit.addRule(d, this.active, '', this.operators[0]);
      const added = next.rules.find((r) => !d.rules.includes(r));
      if (added) this.untouched.set(added, new Set<RuleField>(RULE_FIELDS));
      return next;
    }, true);
  }

  showProfile(name: string): void {
    this.active = name;
    this.notify('draft');
  }

  /** Why the name cannot be given to a profile (a new one, or `current` renamed), in words; '' when it can. */
  profileNameProblem(name: string, current?: string): string {
    const problem = edit.profileNameProblem(this.draft, this.extraProfiles, name, current);
    if (problem === 'blank') return this.t.profileBlank;
    if (problem === 'taken') return this.t.profileTaken(edit.findProfile(this.draft, this.extraProfiles, name) ?? name.trim());
    return '';
  }

  /** Adds an empty profile and shows it; returns the problem with the name instead, if any. */
  addProfile(typed: string): string {
    const problem = this.profileNameProblem(typed);
    if (problem) return problem;
    const name = typed.trim();
    this.extraProfiles = [...this.extraProfiles, name];
    this.showProfile(name);
    return '';
  }

  /** Renames a profile, its rules and all, by the formulas' profile key; returns the problem with the name instead. */
  renameProfile(from: string, typed: string): string {
    const problem = this.profileNameProblem(typed, from);
    if (problem) return problem;
    const to = typed.trim();
    this.extraProfiles = this.extraProfiles.map((p) => (profileKey(p) === profileKey(from) ? to : p));
    this.active = to;
    this.edit((d) => edit.renameProfile(d, from, to), true);
    return '';
  }

  /** Drops a profile and its rules from the draft (the tab keeps them until a save), and shows the first other one. */
  deleteProfile(name: string): void {
    this.extraProfiles = this.extraProfiles.filter((p) => profileKey(p) !== profileKey(name));
    const draft = edit.removeProfile(this.draft, name);
    this.active = edit.profiles(draft, this.extraProfiles)[0];
    this.edit(() => draft, true);
  }

  /**
   * Adds a profile drawn from the account table's columns (the server's starterDraft) after everything the
   * draft holds, under a name no profile has, and previews it; nothing is saved.
   */
  startFromColumns(): Promise<void> {
    return this.track(
      this.server.starterDraft().then(
        (starter) => {
          if (!starter) {
            this.status = this.t.noTable;
            return this.notify('status');
          }
          const { rules } = starter.draft;
          if (rules.length === 0) {
            this.guideNote = this.t.starterEmpty(starter.sheet);
            return this.notify('draft');
          }
          const name = edit.freeProfileName(this.draft, this.extraProfiles, rules[0].profile);
          this.active = name;
          this.guideNote = this.t.started(name, rules.length, starter.sheet, starter.skipped);
          this.edit((d) => edit.appendProfile(d, name, rules), true);
          this.schedulePreview(0);
        },
        (error) => this.failed(error),
      ),
    );
  }

  /** Opens or closes Learn from my data; the first opening asks for the table's columns. */
  openLearn(open = true): void {
    this.learnOpen = open;
    this.notify('learn');
    if (open && !this.learned) void this.learn('', '');
  }

  /**
   * Learns rules from the outcome column (and tenure, for churn) on the server and compares them with the
   * shown profile of the draft, saved or not; an outcome of '' asks for the table's columns only.
   */
  learn(outcome: string, tenure: string): Promise<void> {
    const choice = { outcome, tenure, profile: edit.ruleIndices(this.draft, this.active).length ? this.active : '' };
    this.learning = outcome !== '';
    this.learnNote = null;
    this.notify('learn');
    return this.track(
      this.server
        .learnFromData(choice, this.draft)
        .then(
          (answer) => {
            this.learned = answer;
            this.learnedChoice = choice;
          },
          (error) => this.failed(error),
        )
        .finally(() => {
          this.learning = false;
          this.notify('learn');
        }),
    );
  }

  /**
   * Adds learned rules to the draft as a new profile or into one it has, after everything the user wrote
   * (which stays as it is), and shows and previews it; nothing is saved. Returns the problem with a new
   * profile's name instead, if any.
   */
  addLearned(rules: readonly Omit<RuleDraft, 'profile'>[], name: string, isNew: boolean): string {
    const problem = isNew ? this.profileNameProblem(name) : '';
    if (problem) return problem;
    // The same rules again as another profile would double them unnoticed: say which profile has them.
    const holder = isNew ? edit.profileWithRules(this.draft, rules) : undefined;
    if (holder !== undefined) {
      this.learnNote = { text: this.t.alreadyHas(this.profileLabel(holder), rules.length), kind: 'refused' };
      this.notify('learn');
      return '';
    }
    const target = isNew ? name.trim() : name;
    const { draft, added } = edit.addLearnedRules(this.draft, target, rules);
    if (added === 0) {
      this.learnNote = { text: this.t.alreadyHas(this.profileLabel(target), rules.length), kind: 'refused' };
      this.notify('learn');
      return '';
    }
    this.active = target;
    this.learnNote = { text: this.t.added(added, this.profileLabel(target), isNew, rules.length - added, this.tab), kind: 'done' };
    this.edit(() => draft, true);
    this.notify('learn');
    return '';
  }

  /** The draft differs from what the tab held when it was loaded or saved. */
  get edited(): boolean {
    return draftVersion(this.draft) !== this.version;
  }

  /** The shown preview scored the criteria as the tab holds them, not an unsaved draft. */
  get previewIsSaved(): boolean {
    return this.tabExists && this.previewed !== null && draftVersion(this.previewed) === this.version;
  }

  /** Asks for the preview (and the SQL, while its panel is open) once the draft has been still for `delay` ms. */
  schedulePreview(delay = this.options.debounceMs ?? 400): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.requestPreview();
      if (this.sqlChoice) void this.requestSql();
    }, delay);
  }

  /** Opens Copy as SQL with a choice (asking for its query after `delay` ms), or closes it with null. */
  chooseSql(choice: SqlChoice | null, delay = this.options.debounceMs ?? 400): void {
    clearTimeout(this.sqlTimer);
    this.sqlChoice = choice;
    // An answer for another choice must not be copied by mistake: nothing is shown until the new one comes.
    this.sql = null;
    this.notify('sql');
    if (choice) this.sqlTimer = setTimeout(() => void this.requestSql(), delay);
  }

  requestSql(): Promise<void> {
    clearTimeout(this.sqlTimer);
    const choice = this.sqlChoice;
    if (!choice) return Promise.resolve();
    const sent = this.draft;
    return this.track(
      this.server.criteriaSql(sent, choice).then(
        (outcome) => {
          if (sent !== this.draft || choice !== this.sqlChoice) return; // a newer edit or choice brings its own
          this.sql = { outcome, draft: sent };
          this.notify('sql');
        },
        (error) => this.failed(error),
      ),
    );
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => {});
    return promise;
  }

  /** Resolves once no request is in flight. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private failed(error: unknown): void {
    this.status = this.t.failed + ((error as Error)?.message ?? String(error));
    this.notify('status');
  }

  requestPreview(): Promise<void> {
    clearTimeout(this.timer);
    const sent = this.draft;
    return this.track(
      this.server.previewCriteria(sent).then(
        (outcome) => {
          if (sent !== this.draft) return; // a newer edit brings its own preview
          if (outcome.ok) {
            this.errors = [];
            this.preview = outcome.preview;
            this.previewed = sent;
            this.notify('preview');
          } else {
            this.errors = outcome.errors;
            this.notify();
          }
        },
        (error) => this.failed(error),
      ),
    );
  }

  /** Saves the draft while the tab is still at the version it was loaded from; otherwise offers to reload. */
  save(): Promise<void> {
    clearTimeout(this.timer);
    // Trying to save is touching every field: all their errors show.
    this.untouched = new WeakMap();
    this.saves++;
    this.saving = true;
    this.status = this.t.saving;
    this.notify('status');
    const done = () => {
      this.saving = false;
    };
    const sent = this.draft;
    return this.track(
      this.server
        .saveCriteria(sent, this.version)
        .finally(done)
        .then(
          (outcome) => {
            if (outcome.ok) {
              // The tab as saved, with the rows its rules sit in now: the next save starts from there.
              if (this.draft === sent) this.draft = outcome.draft;
              this.errors = [];
              this.preview = outcome.preview;
              this.previewed = outcome.draft;
              this.version = outcome.version;
              this.tabExists = true;
              this.stale = false;
              this.guideNote = '';
              // What the learn panel said about adding rules ("save to write them") is done with.
              this.learnNote = null;
              this.status = this.t.saved(this.tab);
              this.notify('preview', 'status', 'learn');
            } else if (outcome.stale) {
              this.stale = true;
              this.status = this.t.stale(this.tab);
              this.notify('status');
            } else {
              this.errors = outcome.errors;
              this.status = this.t.fixErrors;
              this.notify('status');
            }
          },
          (error) => this.failed(error),
        ),
    );
  }

  /** Replaces the draft with what the tab holds now (the sidebar's unsaved edits are dropped). */
  reload(status = ''): Promise<void> {
    return this.track(
      this.server.getSidebarState().then(
        (state) => {
          this.draft = state.draft;
          this.version = state.version;
          this.tab = state.tab;
          this.tabExists = state.saved;
          this.stale = false;
          this.errors = [];
          this.guideNote = '';
          this.status = status;
          this.setTable(state.table);
          const profiles = edit.profiles(this.draft, this.extraProfiles);
          if (!profiles.includes(this.active)) this.active = profiles[0];
          this.notify('table', 'draft', 'status');
          if (this.draft.rules.length) this.schedulePreview(0);
        },
        (error) => this.failed(error),
      ),
    );
  }

  /**
   * Asks the server whether the criteria tab or the account table changed. A changed tab is shown at once
   * while the sidebar has no edits of its own, else offered as a reload; a changed table replaces the shown one.
   */
  checkStatus(): Promise<void> {
    if (this.saving) return Promise.resolve();
    if (this.checking) {
      this.recheck = true;
      return Promise.resolve();
    }
    this.checking = true;
    const saves = this.saves;
    return this.track(
      this.server
        .getSidebarStatus()
        .then(async (status) => {
          if (saves !== this.saves) return; // a save since then answers for the tab itself
          if (status.version !== this.version) {
            if (!this.edited) return this.reload(this.t.reloaded(this.tab));
            if (!this.stale) {
              this.stale = true;
              this.status = this.t.changedOutside(this.tab);
              this.notify('status');
            }
          }
          if (status.table !== (this.table?.key ?? null)) {
            const state = await this.server.getSidebarState();
            this.setTable(state.table);
            this.notify('table');
            if (this.draft.rules.length) this.schedulePreview(0);
            // What was learned came from the other table: the panel starts again from the new one's columns.
            this.learned = null;
            if (this.learnOpen) void this.learn('', '');
          }
        })
        .catch(() => {})
        .finally(() => {
          this.checking = false;
          if (this.recheck) {
            this.recheck = false;
            void this.checkStatus();
          }
        }),
    );
  }

  private setTable(table: TableInfo | null): void {
    this.table = table;
    this.suggestionsByHeader = new Map((table?.suggestions ?? []).map((s) => [s.header, s.values]));
  }
}
