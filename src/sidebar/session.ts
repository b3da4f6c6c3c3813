// The sidebar's state and its conversation with the server: the draft being edited, the account table it
// is checked against, the version of the criteria tab it came from, the preview and the status line. Views
// read it and ask it for changes; it redraws the views that follow what changed.

import type { FieldError } from '../addon/draft';
import type { Preview, SidebarState, TableInfo } from '../addon/sidebar-api';
import { draftVersion, type CriteriaDraft } from '../core/draft';
import type { Server } from './bridge';
import { showErrors } from './dom';
import * as edit from './draft-editing';
import { sidebarMessages, type SidebarMessages } from './messages';

/** What a view shows; a view is redrawn when one of the topics it follows changes. */
export type Topic = 'table' | 'draft' | 'preview' | 'status';

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

export class Session {
  readonly language: string;
  readonly t: SidebarMessages;
  readonly operators: readonly string[];
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

  private views: View[] = [];
  private root: HTMLElement | null = null;
  private suggestionsByHeader = new Map<string, string[]>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saves = 0;
  private saving = false;
  private checking = false;

  constructor(readonly server: Server, state: SidebarState, private readonly options: SessionOptions = {}) {
    this.language = state.language;
    this.t = sidebarMessages(state.language);
    this.operators = state.operators;
    this.draft = state.draft;
    this.version = state.version;
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

  /** Redraws the views that follow any of the topics, then shows the errors next to their fields. */
  notify(...topics: Topic[]): void {
    for (const view of this.views) if (view.follows.some((t) => topics.includes(t))) view.render();
    if (this.root) showErrors(this.root, this.errors);
  }

  /** The column's most frequent values, for a rule's value suggestions. */
  suggestions(header: string): string[] {
    return this.suggestionsByHeader.get(header) ?? [];
  }

  /** Applies an edit to the draft. A structural edit redraws the draft's views; typing does not, so inputs keep focus. */
  edit(change: (draft: CriteriaDraft) => CriteriaDraft, structural = false): void {
    this.draft = change(this.draft);
    if (structural) this.notify('draft');
    this.schedulePreview();
  }

  showProfile(name: string, isNew = false): void {
    if (isNew) this.extraProfiles = [...this.extraProfiles, name];
    this.active = name;
    this.notify('draft');
  }

  /** The draft differs from what the tab held when it was loaded or saved. */
  get edited(): boolean {
    return draftVersion(this.draft) !== this.version;
  }

  schedulePreview(delay = this.options.debounceMs ?? 400): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.requestPreview(), delay);
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
    return this.track(this.server.previewCriteria(sent).then((outcome) => {
      if (sent !== this.draft) return; // a newer edit brings its own preview
      if (outcome.ok) {
        this.errors = [];
        this.preview = outcome.preview;
        this.notify('preview');
      } else {
        this.errors = outcome.errors;
        this.notify();
      }
    }, (error) => this.failed(error)));
  }

  /** Saves the draft while the tab is still at the version it was loaded from; otherwise offers to reload. */
  save(): Promise<void> {
    clearTimeout(this.timer);
    this.saves++;
    this.saving = true;
    this.status = this.t.saving;
    this.notify('status');
    const done = () => {
      this.saving = false;
    };
    const sent = this.draft;
    return this.track(this.server.saveCriteria(sent, this.version).finally(done).then((outcome) => {
      if (outcome.ok) {
        // The tab as saved, with the rows its rules sit in now: the next save starts from there.
        if (this.draft === sent) this.draft = outcome.draft;
        this.errors = [];
        this.preview = outcome.preview;
        this.version = outcome.version;
        this.stale = false;
        this.status = this.t.saved;
        this.notify('preview', 'status');
      } else if (outcome.stale) {
        this.stale = true;
        this.status = this.t.stale;
        this.notify('status');
      } else {
        this.errors = outcome.errors;
        this.status = this.t.fixErrors;
        this.notify('status');
      }
    }, (error) => this.failed(error)));
  }

  /** Replaces the draft with what the tab holds now (the sidebar's unsaved edits are dropped). */
  reload(status = ''): Promise<void> {
    return this.track(this.server.getSidebarState().then((state) => {
      this.draft = state.draft;
      this.version = state.version;
      this.stale = false;
      this.errors = [];
      this.status = status;
      this.setTable(state.table);
      const profiles = edit.profiles(this.draft, this.extraProfiles);
      if (!profiles.includes(this.active)) this.active = profiles[0];
      this.notify('table', 'draft', 'status');
      if (this.draft.rules.length) this.schedulePreview(0);
    }, (error) => this.failed(error)));
  }

  /**
   * Asks the server whether the criteria tab or the account table changed. A changed tab is shown at once
   * while the sidebar has no edits of its own, else offered as a reload; a changed table replaces the shown one.
   */
  checkStatus(): Promise<void> {
    if (this.checking || this.saving) return Promise.resolve();
    this.checking = true;
    const saves = this.saves;
    return this.track(this.server.getSidebarStatus().then(async (status) => {
      if (saves !== this.saves) return; // a save since then answers for the tab itself
      if (status.version !== this.version) {
        if (!this.edited) return this.reload(this.t.reloaded);
        if (!this.stale) {
          this.stale = true;
          this.status = this.t.changedOutside;
          this.notify('status');
        }
      }
      if (status.table !== (this.table?.key ?? null)) {
        const state = await this.server.getSidebarState();
        this.setTable(state.table);
        this.notify('table');
        if (this.draft.rules.length) this.schedulePreview(0);
      }
    }).catch(() => {}).finally(() => {
      this.checking = false;
    }));
  }

  private setTable(table: TableInfo | null): void {
    this.table = table;
    this.suggestionsByHeader = new Map((table?.suggestions ?? []).map((s) => [s.header, s.values]));
  }
}
