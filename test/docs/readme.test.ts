// The README's function reference is generated from the registry; this fails when they drift apart.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../build.mjs';
import { README, withReference } from '../../tools/function-reference.mjs';

describe('README', () => {
  it('documents every custom function exactly as the registry declares it (run npm run docs to update)', async () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(await withReference(readme));
    for (const fn of (await loadRegistry()).CUSTOM_FUNCTIONS) expect(readme).toContain(`#### \`${fn.name}(`);
  });

  it('shows the screenshots the browser tests save', () => {
    const readme = readFileSync(README, 'utf8');
    for (const shot of ['playground.png', 'sidebar-error.png', 'segments.png', 'playground-de.png', 'playground-da.png'])
      expect(readme).toContain(`docs/screenshots/${shot}`);
  });
});
