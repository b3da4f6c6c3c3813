// The bundle's entry: a switchboard that exposes every global Apps Script needs as `IcpSheets.NAME`.
// The build appends the top-level stubs (`function ICP_SCORE(table, criteria) {…}`) that call these.

import type * as actions from './actions';
import type * as customFunctions from './custom-functions';
import type * as menu from './menu';
import type { CustomFunctionName, ServerFunctionName } from './registry';
import type * as sidebar from './sidebar-api';

export * from './custom-functions';
export { onOpen, onInstall, showCriteriaEditor, showHelp } from './menu';
export { createTemplate, scoreThisSheet, buildSegmentSummary, validateIcp, starterDraft } from './actions';
export { criteriaSql, getSidebarState, getSidebarStatus, learnFromData, previewCriteria, saveCriteria } from './sidebar-api';

// Type-level checks, no bytes in the bundle: every registry entry is implemented, and every custom function
// the module exports is declared in the registry (so it gets a stub and its JSDoc).
type Fn = (...args: never[]) => unknown;
type Implements<T extends Record<string, Fn>> = T;
export type CheckCustom = Implements<Pick<typeof customFunctions, CustomFunctionName>>;
export type CheckServer = Implements<Pick<typeof menu & typeof actions & typeof sidebar, ServerFunctionName>>;
export type CheckDeclared = Implements<Record<Exclude<keyof typeof customFunctions, CustomFunctionName>, never>>;
