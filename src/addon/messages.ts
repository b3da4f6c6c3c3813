// What the add-on says in menus and dialogs, in English and German, chosen from the user's locale.

const EN = {
  menuEditor: 'Edit ICP criteria…',
  menuTemplate: 'Create ICP template',
  menuScore: 'Score this sheet',
  menuSegments: 'Build segment summary…',
  menuHelp: 'Help',
  helpTitle: 'icp-sheets help',
  sidebarTitle: 'ICP criteria',
  segmentPrompt: 'Segment by which column? For example: Industry, or Industry, Size band. Columns: ',
  segmentTitle: 'Segment summary',
  largeTable: (rows: number) =>
    `${rows} rows are more than one live formula can return. Write the scores as values instead (they will not update by themselves)?`,
  valuesNote: (when: string) => `Written as values by icp-sheets on ${when}; run Score this sheet to refresh.`,
  noTable: 'This sheet has no table: put column headers in the first row and one account per row below.',
  scored: (sheet: string) => `Scored ${sheet}; the scores follow rows and criteria.`,
};

type Messages = typeof EN;

const DE: Messages = {
  menuEditor: 'ICP-Kriterien bearbeiten…',
  menuTemplate: 'ICP-Vorlage anlegen',
  menuScore: 'Dieses Blatt bewerten',
  menuSegments: 'Segmentübersicht erstellen…',
  menuHelp: 'Hilfe',
  helpTitle: 'icp-sheets Hilfe',
  sidebarTitle: 'ICP-Kriterien',
  segmentPrompt: 'Nach welcher Spalte segmentieren? Zum Beispiel: Branche, oder Branche, Size band. Spalten: ',
  segmentTitle: 'Segmentübersicht',
  largeTable: (rows: number) =>
    `${rows} Zeilen sind mehr, als eine Live-Formel liefern kann. Die Bewertungen stattdessen als Werte schreiben (ohne automatische Aktualisierung)?`,
  valuesNote: (when: string) => `Als Werte geschrieben von icp-sheets am ${when}; zum Aktualisieren erneut bewerten.`,
  noTable: 'Dieses Blatt hat keine Tabelle: Spaltenüberschriften in die erste Zeile, darunter ein Konto pro Zeile.',
  scored: (sheet: string) => `${sheet} bewertet; die Werte folgen Zeilen und Kriterien.`,
};

export type Locale = 'en' | 'de';

/** The locale's language, English unless it is German. */
export function languageOf(locale: string | undefined): Locale {
  return (locale ?? '').toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function messages(locale: Locale): Messages {
  return locale === 'de' ? DE : EN;
}
