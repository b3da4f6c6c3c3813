// The bundle's entry: a switchboard that exposes every global Apps Script needs as `IcpSheets.NAME`.
// The build appends the top-level stubs (`function ICP_SCORE(table, criteria) {…}`) that call these.

import * as customFunctions from './custom-functions';
import type { CustomFunctionName } from './registry';

export * from './custom-functions';

// Every registry entry is implemented, and nothing is implemented that the registry does not document.
customFunctions satisfies Record<CustomFunctionName, (...args: never[]) => unknown>;
({}) as Record<CustomFunctionName, unknown> satisfies Record<keyof typeof customFunctions, unknown>;
