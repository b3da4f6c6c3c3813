// The few texts that stay in Code.js in every language: the menu, which onOpen builds in AuthMode.NONE before
// anything else may be read, and the names of the add-on's tabs, which find its tabs whatever language
// created them. Everything else the add-on says is in the data files (src/addon/i18n, src/core/i18n).

import type { Lang } from '../core/i18n';
import { words } from '../core/words';

const MENUS: Readonly<Record<Lang, readonly string[]>> = {
  en: words('Edit ICP criteria…|Create ICP template|Score this sheet|Build segment summary…|Validate ICP…|Help'),
  de: words('ICP-Kriterien bearbeiten…|ICP-Vorlage anlegen|Dieses Blatt bewerten|Segmentübersicht erstellen…|ICP prüfen…|Hilfe'),
  da: words('Rediger ICP-kriterier…|Opret ICP-skabelon|Scor dette ark|Opret segmentoversigt…|Valider ICP…|Hjælp'),
};

/** The menu's captions: editor, template, score, segments, validation, help. */
export function menuCaptions(lang: Lang): readonly string[] {
  return MENUS[lang];
}

export type Tab = 'criteria' | 'accounts' | 'segments' | 'validation' | 'personas';

/** Each tab's name in English, German and Danish; a new tab gets the user's. */
export const TAB_NAMES: Readonly<Record<Tab, readonly string[]>> = {
  criteria: words('ICP Criteria|ICP-Kriterien|ICP-kriterier'),
  accounts: words('ICP Accounts|ICP-Accounts|ICP-virksomheder'),
  segments: words('ICP Segments|ICP-Segmente|ICP-segmenter'),
  validation: words('ICP Validation|ICP-Prüfung|ICP-validering'),
  personas: words('Personas|Personas|Personaer'),
};
