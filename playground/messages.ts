// Every text the playground page itself shows, in one table, so the page can be translated in one place.
// What the add-on says (alerts, toasts, the sidebar) comes from the add-on in the user's language.

export const TEXT = {
  title: 'icp-sheets playground',
  actions: {
    createTemplate: 'Create ICP template',
    scoreThisSheet: 'Score this sheet',
    buildSegmentSummary: 'Build segment summary…',
    validateIcp: 'Validate ICP…',
    help: 'Help',
  } as Record<string, string>,
  loadCsv: 'Load CSV…',
  formulaBar: 'Formula bar',
  formulaPlaceholder: 'Select a cell, type a value or =formula, press Enter',
  sidebar: 'ICP criteria sidebar',
  helpTitle: 'Help',
  close: 'Close',
  dismiss: 'Dismiss',
  /** The question an action asks first, as the add-on's prompt does in Sheets, and the answer offered. */
  prompts: {
    buildSegmentSummary: { question: 'Segment by which column? For example: Industry, or Industry, Size band', answer: 'Industry' },
    validateIcp: { question: 'Validate the criteria against which outcome column? For example: Won, Deal value or Churned', answer: 'Won' },
  } as Record<string, { question: string; answer: string } | undefined>,
  cellError: (message: string) => `Error: ${message}`,
  spilledFrom: (cell: string, shown: string) => (shown ? `Result of the formula in ${cell}: ${shown}` : `Part of the result of the formula in ${cell}`),
  /** When an action said nothing at all (it always should). */
  actionDone: (action: string) => `${action}: done.`,
  actionFailed: (action: string, message: string) => `${action} failed: ${message}`,
  loaded: (file: string, rows: number) => `Loaded ${file}: ${rows} rows.`,
  /** The add-on's messages say "Open Edit ICP criteria…"; in the playground the editor is always open. */
  editorIsOpen: 'The criteria editor is open on the right: use Start a profile from this sheet’s columns there (or fix the rules), Save, then Score this sheet.',
  setUpNone: (rows: number) => `Your ${rows} accounts are loaded. The example criteria do not fit their columns, so the playground kept none and nothing is scored yet.`,
  unfitSummary: (count: number) => `The ${count} example rules that do not fit your columns`,
  savedNotScored: (sheet: string) => `The criteria are saved. Score ${sheet} to see each account’s score, tier and explanation.`,
  resizeColumn: 'Drag to resize; double-click to fit the content',
} as const;
