// Every text the playground page itself shows, in English, German and Danish, so the page is translated in
// one place. What the add-on says (alerts, toasts, the sidebar) comes from the add-on in the user's language;
// the toolbar's buttons are the add-on's menu captions, so they read as the menu does in Sheets.

import { SERVER_DA } from '../src/addon/i18n/da';
import { SERVER_DE } from '../src/addon/i18n/de';
import { SERVER_EN } from '../src/addon/i18n/en';
import { menuCaptions } from '../src/addon/messages';
import type { Lang } from '../src/core/i18n';

/** What an action asks first: the add-on's own prompt in Sheets, with the sheet's columns. */
export interface Prompt {
  readonly question: (columns: string) => string;
  /** Headers to offer as the answer, the first the sheet has (in any language). */
  readonly answers: readonly string[];
}

const SEGMENT_BY = ['Industry', 'Branche', 'Industrie', 'Region'];
const OUTCOMES = ['Won', 'Outcome', 'Ergebnis', 'Gewonnen', 'Udfald', 'Vundet', 'Churned', 'Gekündigt', 'Opsagt'];

/** The add-on's prompts in a language (its server catalog). */
function prompts(texts: { segmentPrompt_: string; validatePrompt_: string }): Record<string, Prompt | undefined> {
  const ask = (text: string) => (columns: string) => text.replace('{columns}', columns);
  return {
    buildSegmentSummary: { question: ask(texts.segmentPrompt_), answers: SEGMENT_BY },
    validateIcp: { question: ask(texts.validatePrompt_), answers: OUTCOMES },
  };
}

/** The toolbar's buttons by the add-on's server function they run, captioned as the add-on's menu. */
function actions(lang: Lang): Record<string, string> {
  const [, createTemplate, scoreThisSheet, buildSegmentSummary, validateIcp, help] = menuCaptions(lang);
  return { createTemplate, scoreThisSheet, buildSegmentSummary, validateIcp, help };
}

const EN = {
  title: 'icp-sheets playground',
  actions: actions('en'),
  loadCsv: 'Load CSV…',
  formulaBar: 'Formula bar',
  formulaPlaceholder: 'Select a cell, type a value or =formula, press Enter',
  sidebar: 'ICP criteria sidebar',
  helpTitle: 'Help',
  close: 'Close',
  dismiss: 'Dismiss',
  /** The question an action asks first, as the add-on's prompt does in Sheets, and the answers offered. */
  prompts: prompts(SERVER_EN),
  cellError: (message: string) => `Error: ${message}`,
  spilledFrom: (cell: string, shown: string) => (shown ? `Result of the formula in ${cell}: ${shown}` : `Part of the result of the formula in ${cell}`),
  /** When an action said nothing at all (it always should). */
  actionDone: (action: string) => `${action}: done.`,
  actionFailed: (action: string, message: string) => `${action} failed: ${message}`,
  loaded: (file: string, rows: number) => `Loaded ${file}: ${rows.toLocaleString('en')} rows.`,
  /** The add-on's messages say "Open Edit ICP criteria…"; in the playground the editor is always open. */
  editorIsOpen:
    'The criteria editor is open on the right: use Start a profile from this sheet’s columns there (or fix the rules), Save criteria, then Score this sheet.',
  setUpNone: (rows: number) =>
    `Your ${rows.toLocaleString('en')} accounts are loaded. The example criteria do not fit their columns, so the playground kept none and nothing is scored yet.`,
  unfitSummary: (count: number) => `The ${count} example rules that do not fit your columns`,
  savedNotScored: (sheet: string) => `The criteria are saved. Score ${sheet} to see each account’s score, tier and explanation.`,
  resizeColumn: 'Drag to resize; double-click to fit the content',
};

export type PageText = typeof EN;

const DE: PageText = {
  title: 'icp-sheets Playground',
  actions: actions('de'),
  loadCsv: 'CSV laden…',
  formulaBar: 'Formelleiste',
  formulaPlaceholder: 'Zelle auswählen, Wert oder =Formel eingeben, Eingabetaste drücken',
  sidebar: 'Seitenleiste ICP-Kriterien',
  helpTitle: 'Hilfe',
  close: 'Schließen',
  dismiss: 'Ausblenden',
  prompts: prompts(SERVER_DE),
  cellError: (message: string) => `Fehler: ${message}`,
  spilledFrom: (cell: string, shown: string) => (shown ? `Ergebnis der Formel in ${cell}: ${shown}` : `Teil des Ergebnisses der Formel in ${cell}`),
  actionDone: (action: string) => `${action}: erledigt.`,
  actionFailed: (action: string, message: string) => `${action} ist fehlgeschlagen: ${message}`,
  loaded: (file: string, rows: number) => `${file} geladen: ${rows.toLocaleString('de')} Zeilen.`,
  editorIsOpen:
    'Der Kriterien-Editor ist rechts geöffnet: Wählen Sie dort „Profil aus den Spalten dieses Blatts beginnen“ (oder korrigieren Sie die Regeln), dann „Kriterien speichern“ und danach „Dieses Blatt bewerten“.',
  setUpNone: (rows: number) =>
    `Ihre ${rows.toLocaleString('de')} Accounts sind geladen. Die Beispielkriterien passen nicht zu ihren Spalten, daher hat der Playground keine übernommen, und noch ist nichts bewertet.`,
  unfitSummary: (count: number) => `Die ${count} Beispielregeln, die nicht zu Ihren Spalten passen`,
  savedNotScored: (sheet: string) => `Die Kriterien sind gespeichert. Bewerten Sie ${sheet}, um Score, Stufe und Begründung jedes Accounts zu sehen.`,
  resizeColumn: 'Ziehen, um die Breite zu ändern; Doppelklick passt sie an den Inhalt an',
};

const DA: PageText = {
  title: 'icp-sheets playground',
  actions: actions('da'),
  loadCsv: 'Indlæs CSV…',
  formulaBar: 'Formellinje',
  formulaPlaceholder: 'Markér en celle, skriv en værdi eller =formel, og tryk på Enter',
  sidebar: 'Sidepanel med ICP-kriterier',
  helpTitle: 'Hjælp',
  close: 'Luk',
  dismiss: 'Skjul',
  prompts: prompts(SERVER_DA),
  cellError: (message: string) => `Fejl: ${message}`,
  spilledFrom: (cell: string, shown: string) => (shown ? `Resultat af formlen i ${cell}: ${shown}` : `En del af resultatet af formlen i ${cell}`),
  actionDone: (action: string) => `${action}: færdig.`,
  actionFailed: (action: string, message: string) => `${action} mislykkedes: ${message}`,
  loaded: (file: string, rows: number) => `Indlæste ${file}: ${rows.toLocaleString('da')} rækker.`,
  editorIsOpen:
    'Kriterie-editoren er åben til højre: brug »Start en profil ud fra arkets kolonner« der (eller ret reglerne), derefter »Gem kriterier« og så »Scor dette ark«.',
  setUpNone: (rows: number) =>
    `Dine ${rows.toLocaleString('da')} virksomheder er indlæst. Eksempelkriterierne passer ikke til deres kolonner, så playgrounden har ikke beholdt nogen, og intet er scoret endnu.`,
  unfitSummary: (count: number) => `De ${count} eksempelregler, der ikke passer til dine kolonner`,
  savedNotScored: (sheet: string) => `Kriterierne er gemt. Scor ${sheet} for at se hver virksomheds score, niveau og begrundelse.`,
  resizeColumn: 'Træk for at ændre bredden; dobbeltklik for at tilpasse den til indholdet',
};

const TEXTS: Readonly<Record<Lang, PageText>> = { en: EN, de: DE, da: DA };

/** The page's texts in the language the server wrote into `<html lang>`; English for any other. */
export function pageText(lang: string): PageText {
  return TEXTS[lang as Lang] ?? EN;
}
