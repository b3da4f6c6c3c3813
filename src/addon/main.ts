// The bundle's entry: a switchboard that puts every global Apps Script calls in place. The build appends an
// empty top-level declaration of each (`function ICP_SCORE(table, criteria, profile, options) {}`) under its
// JSDoc, which is what Apps Script and Sheets read; loading the bundle replaces each with its implementation.

import { buildSegmentSummary, createTemplate, scoreThisSheet, starterDraft, validateIcp } from './actions';
import type * as customFunctions from './custom-functions';
import {
  ICP_CHURN,
  ICP_CLV,
  ICP_EXPLAIN,
  ICP_MATCH,
  ICP_PAYBACK,
  ICP_ROW,
  ICP_SCORE,
  ICP_SEGMENTS,
  ICP_SIZE_BAND,
  ICP_SQL,
  ICP_SUGGEST,
  ICP_TIER,
  ICP_VALIDATE,
} from './custom-functions';
import { onInstall, onOpen, showCriteriaEditor, showHelp } from './menu';
import type { CustomFunctionName, ServerFunctionName } from './registry';
import { criteriaSql, getSidebarState, getSidebarStatus, learnFromData, previewCriteria, saveCriteria } from './sidebar-api';

type Fn = (...args: never[]) => unknown;

// One assignment of every implementation over its declaration (gas-webpack-plugin's pattern): no wrapper
// per global, and a plain object, not the module's exports, which esbuild's IIFE would turn into getters.
// `satisfies` checks that every registry entry is implemented and nothing else is made global.
Object.assign(globalThis, {
  ICP_SCORE,
  ICP_TIER,
  ICP_EXPLAIN,
  ICP_MATCH,
  ICP_ROW,
  ICP_SEGMENTS,
  ICP_SUGGEST,
  ICP_VALIDATE,
  ICP_CLV,
  ICP_PAYBACK,
  ICP_CHURN,
  ICP_SIZE_BAND,
  ICP_SQL,
  onOpen,
  onInstall,
  showCriteriaEditor,
  showHelp,
  createTemplate,
  scoreThisSheet,
  buildSegmentSummary,
  validateIcp,
  starterDraft,
  criteriaSql,
  getSidebarState,
  getSidebarStatus,
  learnFromData,
  previewCriteria,
  saveCriteria,
} satisfies Record<CustomFunctionName | ServerFunctionName, Fn>);

// Every custom function the module exports is declared in the registry (so it gets a stub and its JSDoc).
type Implements<T extends Record<string, Fn>> = T;
export type CheckDeclared = Implements<Record<Exclude<keyof typeof customFunctions, CustomFunctionName>, never>>;
