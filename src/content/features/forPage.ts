/**
 * Which feature file serves which of our pages, so a page loads only its own chunk (the user page
 * does not need the password generator, a list page not the reply templates). Each file still
 * declares its pages when it registers; test/unit/content/featuresForPage.test.ts keeps the two in step.
 */
import type { PageContext } from '../pageContext';

export const FEATURES_FOR_PAGE: Partial<Record<PageContext['page'], () => Promise<unknown>>> = {
  user: () => import('./userPage'),
  customer: () => import('./customerPage'),
  customers: () => import('./customersList'),
  'incoming-requests': () => import('./incomingList'),
};
