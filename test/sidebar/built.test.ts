// What the build puts in dist/Sidebar.html: the sidebar's own words in its three languages, and none of the
// core's catalogs, which are the server's to load (the sidebar gets its server texts from the server).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DA } from '../../src/core/i18n/da';
import { DE } from '../../src/core/i18n/de';
import { EN } from '../../src/core/i18n/en';
import { sidebarMessages } from '../../src/sidebar/messages';

const html = readFileSync('dist/Sidebar.html', 'utf8');

describe('dist/Sidebar.html', () => {
  it('holds the sidebar’s words in English, German and Danish', () => {
    for (const lang of ['en', 'de', 'da']) expect(html).toContain(sidebarMessages(lang).save);
  });

  it('holds no catalog of the core: none of its longer texts, in any language', () => {
    for (const catalog of [EN, DE, DA]) {
      const found = Object.values(catalog).filter((text) => text.length > 30 && html.includes(text));
      expect(found).toEqual([]);
    }
  });
});
