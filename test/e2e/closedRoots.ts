/** Reading what our closed shadow roots show (src/content/ui/SecretText.tsx): page scripts and Playwright's locators cannot, CDP can. */
import type { Page } from 'playwright-core';

interface CdpNode {
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

/** The text in closed shadow roots of [data-secret] hosts: what the agent sees (DevTools' view, CDP pierces closed roots). */
export async function closedSecretTexts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const text = (n: CdpNode): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(text).join(''));
    const out: string[] = [];
    const walk = (n: CdpNode): void => {
      const attrs = n.attributes ?? [];
      if (attrs.includes('data-secret')) for (const sr of n.shadowRoots ?? []) if (sr.shadowRootType === 'closed') out.push(text(sr));
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    return out.filter((t) => t !== '');
  } finally {
    await cdp.detach();
  }
}

