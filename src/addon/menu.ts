// The add-on menu and the dialogs it opens. onOpen must work in AuthMode.NONE: it touches no sheet, no
// property and no file, only the menu, whose captions Code.js holds in every language.

import { htmlFile, speakToUser, userLanguage } from './locale';
import { menuCaptions } from './messages';
import type { ServerFunctionName } from './registry';
import { spreadsheetUi } from './sheets';

/** Builds the add-on menu. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const [editor, template, score, segments, validate, help] = menuCaptions(userLanguage());
  spreadsheetUi()
    .createAddonMenu()
    .addItem(editor, 'showCriteriaEditor' satisfies ServerFunctionName)
    .addItem(template, 'createTemplate' satisfies ServerFunctionName)
    .addItem(score, 'scoreThisSheet' satisfies ServerFunctionName)
    .addItem(segments, 'buildSegmentSummary' satisfies ServerFunctionName)
    .addItem(validate, 'validateIcp' satisfies ServerFunctionName)
    .addSeparator()
    .addItem(help, 'showHelp' satisfies ServerFunctionName)
    .addToUi();
}

/** Runs when the add-on is installed: the same menu at once. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Opens the criteria editor in the sidebar. */
export function showCriteriaEditor(): void {
  const html = htmlFile('Sidebar').setTitle(speakToUser().sidebarTitle_);
  spreadsheetUi().showSidebar(html);
}

/** The help page (dist/Help.html: its text costs nothing in Code.js). */
export function showHelp(): void {
  // The page cannot read the user's locale; it is told which of its languages to show.
  const html = htmlFile('Help').append(`<script>icpShowHelp('${userLanguage()}')</script>`).setWidth(520).setHeight(480);
  spreadsheetUi().showModalDialog(html, speakToUser().helpTitle_);
}
