// The add-on menu and the dialogs it opens. onOpen must work in AuthMode.NONE: it touches no sheet and no
// property, only the menu.

import { userLanguage, messages } from './locale';
import type { ServerFunctionName } from './registry';

/** Builds the add-on menu. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const text = messages(userLanguage());
  const item = (caption: string, fn: ServerFunctionName) => [caption, fn] as const;
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const [caption, fn] of [
    item(text.menuEditor, 'showCriteriaEditor'),
    item(text.menuTemplate, 'createTemplate'),
    item(text.menuScore, 'scoreThisSheet'),
    item(text.menuSegments, 'buildSegmentSummary'),
    item(text.menuValidate, 'validateIcp'),
  ]) menu.addItem(caption, fn);
  menu.addSeparator().addItem(text.menuHelp, 'showHelp' satisfies ServerFunctionName).addToUi();
}

/** Runs when the add-on is installed: the same menu at once. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Opens the criteria editor in the sidebar. */
export function showCriteriaEditor(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(messages(userLanguage()).sidebarTitle);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** The help page (dist/Help.html: its text costs nothing in Code.js). */
export function showHelp(): void {
  const html = HtmlService.createHtmlOutputFromFile('Help').setWidth(520).setHeight(480);
  SpreadsheetApp.getUi().showModalDialog(html, messages(userLanguage()).helpTitle);
}
