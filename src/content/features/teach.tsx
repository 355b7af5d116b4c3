/**
 * Teach mode on the admin page: the agent points out the element that carries a label Reset Desk
 * could not find (a label-missing error, from the popup or the in-page notice). The panel lists
 * the candidates of that kind the page has (src/admin/teach.ts), the agent clicks one on the page
 * (or in the list), the panel shows the override it would save (label, page, text) after checking
 * it, saves it on confirmation, checks the page again with it and says whether the page now passes.
 *
 * Nothing is clicked on the admin's behalf: while picking, every pointer and click event outside
 * our panel is swallowed in the capture phase on the window (preventDefault + stopPropagation), so
 * the admin's own link or button never sees the click that picks it. Only trusted clicks pick (a
 * page script cannot pick for the agent), and only they are swallowed: a flow of ours that clicks
 * in this tab meanwhile (synthetic clicks) still works. Escape cancels.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PageKind } from '../../admin/errors';
import { labelText, labelsOn, type LabelKey } from '../../admin/labels';
import { checkLayout } from '../../admin/pages';
import { candidateAt, checkTaught, isLabelKey, isPageKind, kindOf, listCandidates, roleOf, type Candidate, type CandidateKind, type TeachRefusal } from '../../admin/teach';
import { pageWords } from '../../shared/errorWords';
import { t, type MessageKey } from '../../shared/i18n';
import { MessageError, sendToBackground } from '../../shared/messaging';
import { refreshPageContext, type PageContext } from '../pageContext';
import { mountNextTo } from '../ui/mount';
import { errorText, TrustedButton } from '../ui/parts';
import { BAR_CSS } from '../ui/theme';
import { retryFeature } from './forPage';

export interface TeachTarget {
  page: PageKind;
  key: LabelKey;
}

const TEACH_CSS = `${BAR_CSS}
.teach { position: fixed; right: 12px; top: 12px; z-index: 2147483647; width: 380px; max-width: calc(100vw - 24px);
  max-height: calc(100vh - 24px); overflow: auto; box-shadow: 0 2px 10px rgba(0,0,0,.25); }
.found { margin: 6px 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px; }
.found button { font-size: 12px; }
.override { margin: 4px 0; padding: 4px 6px; border-radius: 4px; background: var(--info-bg); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.pick-box { position: fixed; z-index: 2147483646; pointer-events: none; outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
`;

const KIND_WORDS: Record<CandidateKind, MessageKey> = {
  control: 'teachKindControl',
  heading: 'teachKindHeading',
  column: 'teachKindColumn',
  field: 'teachKindField',
  text: 'teachKindText',
};

const FOUND_WORDS: Record<CandidateKind, MessageKey> = {
  control: 'teachFoundControl',
  heading: 'teachFoundHeading',
  column: 'teachFoundColumn',
  field: 'teachFoundField',
  text: 'teachFoundText',
};

/** Pointer events the admin's controls react to: none of them reaches the page while picking. */
const SWALLOWED = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'auxclick', 'dblclick', 'contextmenu', 'touchstart', 'touchend'] as const;

/** How many candidates the panel lists (a long list page has hundreds of cells). */
const LISTED = 30;

let current: AbortController | null = null;

/** Shows the picker for `target` (one at a time: a second "Show me" starts over). */
export function startTeach(ctx: PageContext, doc: Document, target: TeachTarget): void {
  if (!isLabelKey(target.key) || !isPageKind(target.page)) throw new MessageError('bad-request', `Unknown label "${String(target.key)}" or page "${String(target.page)}".`);
  current?.abort();
  const controller = new AbortController();
  current = controller;
  window.addEventListener('pagehide', () => controller.abort(), { once: true });
  const anchor = doc.body ?? doc.documentElement;
  mountNextTo({ kind: 'teach', anchor, where: 'append', css: TEACH_CSS, signal: controller.signal }, <Teach ctx={ctx} doc={doc} first={target} close={() => controller.abort()} />);
}

type Phase =
  | { name: 'picking'; note?: string }
  | { name: 'proposed'; overrideKey: string; text: string; alsoMissing: LabelKey[] }
  | { name: 'refused'; reason: TeachRefusal; text: string }
  | { name: 'saving'; overrideKey: string; text: string }
  | { name: 'saved'; overrideKey: string; text: string; missing: LabelKey[]; passes: boolean }
  | { name: 'failed'; message: string };

function quoted(text: string): string {
  return t('quoted', [text]);
}

function refusalText(reason: TeachRefusal, text: string, target: TeachTarget): string {
  switch (reason.code) {
    case 'no-text':
      return t('teachRefusedNoText');
    case 'too-long':
      return t('teachRefusedTooLong');
    case 'has-data':
      return t('teachRefusedHasData', [quoted(text), quoted(reason.part)]);
    case 'other-label':
      return t('teachRefusedOtherLabel', [quoted(text), quoted(reason.text)]);
    case 'still-missing':
      return t('teachRefusedStillMissing', [quoted(text), t(KIND_WORDS[reason.kind])]);
    case 'other-page':
      return t('teachRefusedOtherPage', [quoted(text), pageWords(reason.page), pageWords(target.page)]);
  }
}

function Teach({ ctx, doc, first, close }: { ctx: PageContext; doc: Document; first: TeachTarget; close: () => void }) {
  const [target, setTarget] = useState(first);
  const [phase, setPhase] = useState<Phase>({ name: 'picking' });
  const [box, setBox] = useState<DOMRect | null>(null);
  const panel = useRef<HTMLElement>(null);
  const kind = kindOf(roleOf(target.page, target.key));
  const candidates = useMemo(() => listCandidates(doc, kind), [doc, kind, target]);
  const labelWords = quoted(labelText(labelsOn(ctx.labels, target.page), target.key));
  const kindWords = t(KIND_WORDS[kind]);

  const show = (el: Element | null) => setBox(el ? el.getBoundingClientRect() : null);

  const decide = (picked: Candidate) => {
    show(picked.element);
    const verdict = checkTaught(doc, ctx.labels, target.page, target.key, picked.text);
    if (!verdict.ok) return setPhase({ name: 'refused', reason: verdict.reason, text: picked.text });
    setPhase({ name: 'proposed', overrideKey: verdict.overrideKey, text: verdict.text, alsoMissing: verdict.layout.missing.filter((k) => k !== target.key) });
  };

  // Escape cancels, whatever the panel shows.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      close();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  // Picking: the page gets no pointer event; a trusted click picks what it landed on.
  useEffect(() => {
    if (phase.name !== 'picking') return;
    const host = (panel.current?.getRootNode() as ShadowRoot | undefined)?.host;
    const ours = (e: Event) => host !== undefined && e.composedPath().includes(host);
    const targetOf = (e: Event): Element | null => {
      const first = e.composedPath()[0];
      return first instanceof Element ? first : e.target instanceof Element ? e.target : null;
    };
    // Only the agent's own (trusted) events: the clicks of a running flow of ours (clickLikeAUser)
    // must still reach the admin while the picker is open.
    const swallow = (e: Event) => {
      if (!e.isTrusted || ours(e)) return;
      e.preventDefault();
      e.stopPropagation();
      e.stopImmediatePropagation();
    };
    const onClick = (e: MouseEvent) => {
      if (!e.isTrusted || ours(e)) return;
      swallow(e);
      const el = targetOf(e);
      if (!el) return;
      const picked = candidateAt(el, kind);
      if (picked) decide(picked);
      else setPhase({ name: 'picking', note: t('teachNotACandidate', [kindWords]) });
    };
    const onOver = (e: MouseEvent) => {
      if (ours(e)) return;
      const el = targetOf(e);
      show(el ? candidateAt(el, kind)?.element ?? null : null);
    };
    const opts = { capture: true } as const;
    window.addEventListener('click', onClick, opts);
    window.addEventListener('mouseover', onOver, opts);
    for (const type of SWALLOWED) window.addEventListener(type, swallow, opts);
    return () => {
      window.removeEventListener('click', onClick, opts);
      window.removeEventListener('mouseover', onOver, opts);
      for (const type of SWALLOWED) window.removeEventListener(type, swallow, opts);
    };
  }, [phase.name, kind, target]);

  const save = async (overrideKey: string, text: string) => {
    setPhase({ name: 'saving', overrideKey, text });
    try {
      const { saved } = await sendToBackground('page/save-label', { page: target.page, key: target.key, text });
      if (!saved) return setPhase({ name: 'failed', message: t('teachPinned') });
      await refreshPageContext(ctx, doc);
      // The page check again, with the settings as now stored.
      const missing = checkLayout(doc, ctx.labels, target.page).missing;
      const passes = missing.length === 0 && (target.page === 'other' || ctx.page === target.page);
      setPhase({ name: 'saved', overrideKey, text, missing, passes });
      // The in-page help that could not attach (or a page that is ours only now) tries again.
      if (passes) retryFeature(ctx, doc);
    } catch (error) {
      setPhase({ name: 'failed', message: errorText(error) });
    }
  };

  const again = () => {
    setBox(null);
    setPhase({ name: 'picking' });
  };

  const where = pageWords(target.page);
  return (
    <section ref={panel} class="rd bar teach" role="dialog" aria-label={t('teachTitle')} data-teach={phase.name}>
      <div class="head">
        <span class="brand">{t('extName')}</span> <strong>{t('teachTitle')}</strong>
      </div>
      {phase.name === 'picking' ? (
        <>
          <p class="sentence">{t('teachPick', [kindWords, labelWords, where])}</p>
          {phase.note ? <p class="error" role="alert">{phase.note}</p> : null}
          {candidates.length ? (
            <>
              <p class="reason">{t(FOUND_WORDS[kind])}</p>
              <ul class="found" data-candidates={kind}>
                {candidates.slice(0, LISTED).map((c) => (
                  <li key={c.text}>
                    <span onMouseEnter={() => show(c.element)} onMouseLeave={() => show(null)}>
                      <TrustedButton action="pick-candidate" onPress={() => decide(c)}>{c.text}</TrustedButton>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p class="error">{t('teachNone', [kindWords])}</p>
          )}
        </>
      ) : null}
      {phase.name === 'proposed' || phase.name === 'saving' ? (
        <>
          <p class="sentence" data-proposed={phase.text}>{t('teachWillSave', [where, labelWords, quoted(phase.text)])}</p>
          <p class="override" data-override-key={phase.overrideKey}>
            <code>{`${phase.overrideKey} = ${phase.text}`}</code>
          </p>
          <p class="reason">{t('teachWhere')}</p>
          {phase.name === 'proposed' && phase.alsoMissing.length ? (
            <p class="reason">{t('teachAlsoMissing', [phase.alsoMissing.map((k) => quoted(labelText(labelsOn(ctx.labels, target.page), k))).join(', ')])}</p>
          ) : null}
        </>
      ) : null}
      {phase.name === 'refused' ? <p class="error" role="alert" data-refused={phase.reason.code}>{refusalText(phase.reason, phase.text, target)}</p> : null}
      {phase.name === 'saved' ? (
        phase.passes ? (
          <p class="ok" role="status" data-passes="true">{t('teachPasses', [where])}</p>
        ) : (
          <p class="error" role="status" data-passes="false">
            {t('teachStillMissing', [where, phase.missing.map((k) => quoted(labelText(labelsOn(ctx.labels, target.page), k))).join(', ') || t('anExpectedElement')])}
          </p>
        )
      ) : null}
      {phase.name === 'failed' ? <p class="error" role="alert">{phase.message}</p> : null}
      <div class="actions">
        {phase.name === 'proposed' ? (
          <TrustedButton primary action="save-label" onPress={() => void save(phase.overrideKey, phase.text)}>{t('teachSave')}</TrustedButton>
        ) : null}
        {phase.name === 'proposed' || phase.name === 'refused' || phase.name === 'failed' ? (
          <TrustedButton action="pick-again" onPress={again}>{t('teachPickAgain')}</TrustedButton>
        ) : null}
        {phase.name === 'saved' && !phase.passes && phase.missing[0] ? (
          <TrustedButton
            primary
            action="teach-next"
            onPress={() => {
              setTarget({ page: target.page, key: phase.missing[0] as LabelKey });
              again();
            }}
          >
            {t('teachNext')}
          </TrustedButton>
        ) : null}
        <TrustedButton action="close-teach" onPress={close}>{phase.name === 'saved' ? t('teachClose') : t('cancel')}</TrustedButton>
      </div>
      {box ? <div class="pick-box" style={{ top: `${box.top}px`, left: `${box.left}px`, width: `${box.width}px`, height: `${box.height}px` }} /> : null}
    </section>
  );
}
