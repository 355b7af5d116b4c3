// @vitest-environment node
/** A page loads only the feature file FEATURES_FOR_PAGE names for it: that file must register the features declaring that page. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../englishI18n')).i18n } }));

const { FEATURES_FOR_PAGE } = await import('../../../src/content/features/forPage');
const { registeredFeatures } = await import('../../../src/content/features/index');

describe('features for each page', () => {
  it('the file loaded for a page registers features for that page, and every declared page has its file', async () => {
    const byPage = new Map<string, string[]>();
    for (const [page, load] of Object.entries(FEATURES_FOR_PAGE)) {
      const before = registeredFeatures().length;
      await load!();
      const added = registeredFeatures().slice(before);
      expect(added.length, `features registered by the file for "${page}"`).toBeGreaterThan(0);
      for (const feature of added) expect(feature.pages, `pages of ${feature.id}`).toContain(page);
      byPage.set(page, added.map((f) => f.id));
    }
    const declared = new Set(registeredFeatures().flatMap((f) => f.pages));
    expect([...declared].sort()).toEqual([...byPage.keys()].sort());
  });
});
