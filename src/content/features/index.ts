/**
 * In-page features register here with the pages they apply to; each gets the page's AbortSignal so
 * whatever it injected goes away with the page.
 */
import type { PageContext } from '../pageContext';

export interface Feature {
  id: string;
  pages: PageContext['page'][];
  init(ctx: PageContext, doc: Document, signal: AbortSignal): void | Promise<void>;
}

const features: Feature[] = [];

export function registerFeature(feature: Feature): void {
  features.push(feature);
}

/** What has registered so far (test/unit/content/featuresForPage.test.ts). */
export function registeredFeatures(): readonly Feature[] {
  return features;
}

export function startFeatures(ctx: PageContext, doc: Document): AbortController {
  const controller = new AbortController();
  // pagehide, not unload: unload handlers break the back/forward cache.
  window.addEventListener('pagehide', () => controller.abort(), { once: true });
  for (const feature of features) {
    if (!feature.pages.includes(ctx.page)) continue;
    Promise.resolve(feature.init(ctx, doc, controller.signal)).catch((error: unknown) => {
      console.warn(`Reset Desk: feature ${feature.id} failed:`, error instanceof Error ? error.message : error);
    });
  }
  return controller;
}
