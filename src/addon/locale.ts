// The user's language, read where Apps Script allows it; English when it cannot be read.

import { languageOf, messages, type Locale } from './messages';

export { messages };

export function userLanguage(): Locale {
  try {
    return languageOf(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}
