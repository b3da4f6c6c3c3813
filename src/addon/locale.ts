// Which language the add-on speaks, and its texts in it. Custom functions write in the spreadsheet's language
// (File → Settings → Locale) unless their options say `lang=`; menus, alerts, prompts and the sidebar follow
// the user's. English custom-function texts are in Code.js; all others come from the data files the build
// writes (i18n-en, i18n-de, i18n-da: JSON in .html files, which custom functions may read through
// HtmlService), loaded once per execution. A file that cannot be read means English: never a broken formula.

import { icpError } from '../core/errors';
import { type Catalog, LANGUAGES, type Lang, languageOf, T, useLanguage } from '../core/i18n';
import { optionValue } from '../core/options';
import { quote } from '../core/text';
import type { ServerTexts } from './i18n/en';
import { activeSpreadsheet } from './sheets';

type Data = Record<string, unknown>;

const files = new Map<Lang, Data | null>();

/** One of the project's HTML files (the sidebar, the help page, a language's data). */
export function htmlFile(name: string): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutputFromFile(name);
}

/** A language's data file, parsed once per execution; null when it cannot be read. */
function data(lang: Lang): Data | null {
  let loaded = files.get(lang);
  if (loaded === undefined) {
    try {
      const parsed: unknown = JSON.parse(htmlFile(`i18n-${lang}`).getContent());
      loaded = parsed !== null && typeof parsed === 'object' ? (parsed as Data) : null;
    } catch {
      loaded = null;
    }
    files.set(lang, loaded);
  }
  return loaded;
}

/** Writes the core's texts (messages, labels, explanations) in `lang` from now on. */
export function speak(lang: Lang): void {
  useLanguage(lang, lang === 'en' ? null : (data(lang) as Partial<Catalog> | null));
}

/** The user's language (Session), English when it cannot be read. */
export function userLanguage(): Lang {
  try {
    return languageOf(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

/** The spreadsheet's language (its locale setting; a custom function may read it), English when unreadable. */
export function sheetLanguage(): Lang {
  try {
    return languageOf(activeSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}

/**
 * For a custom function: speaks the spreadsheet's language, or the one its options name with `lang=`
 * (`en`, `de` or `da`; anything else is an error, said in the spreadsheet's language).
 */
export function speakForSheet(options: unknown, fn: string): void {
  const asked = optionValue(options, 'lang') ?? '';
  const lang = LANGUAGES.find((l) => l === asked.toLowerCase());
  speak(lang ?? sheetLanguage());
  if (asked !== '' && !lang) throw icpError(T.langOption_, fn, quote(asked));
}

/**
 * For a menu action or a sidebar request: speaks the user's language and returns the server's texts in it
 * (English where the language's file lacks one).
 */
export function speakToUser(): ServerTexts {
  const lang = userLanguage();
  speak(lang);
  return serverTexts(lang);
}

function serverTexts(lang: Lang): ServerTexts {
  const english = data('en');
  const own = lang === 'en' ? null : data(lang);
  if (!english && !own) throw new Error('icp-sheets: i18n-en.html is missing; deploy the add-on again.');
  return { ...english, ...own } as unknown as ServerTexts;
}

/**
 * Computes what formulas will show (their labels, explanations, errors) in the spreadsheet's language, then
 * speaks the user's again.
 */
export function inSheetLanguage<R>(compute: () => R): R {
  const user = userLanguage();
  speak(sheetLanguage());
  try {
    return compute();
  } finally {
    speak(user);
  }
}
