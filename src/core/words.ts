// Long lists of words (header spellings, operator words, yes/no words) are written `a|b|c`: in the bundle
// every custom-function call loads, one string is two bytes a word shorter than an array of strings.

/** The words of a `|`-separated list. */
export function words(list: string): string[] {
  return list.split('|');
}
