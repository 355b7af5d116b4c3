/**
 * Starts, joins and resumes runs. One run per customer at a time: a second click, a second popup
 * or a second window asking for the same action on the same customer joins the run already going,
 * which is what keeps a reset e-mail from being sent twice; another action is refused by name while
 * it goes (a look-up may watch any run).
 */
import browser from 'webextension-polyfill';
import { isPlausibleEmail, normalizeEmail, sameEmail } from '../../domain/email';
import { failureWords, recordActivity } from '../../shared/activityLog';
import { REMEDIES, toWireError } from '../../shared/errors';
import { errorWithHint } from '../../shared/errorWords';
import { t } from '../../shared/i18n';
import { judge } from '../../shared/judge';
import { stateWord } from '../../shared/present';
import { MessageError } from '../../shared/messaging';
import type { ActionKind, PageReport } from '../../shared/protocol';
import type { RunError, RunView, StepId } from '../../shared/runs';
import { loadSettings, parseAdminUrl, type Settings } from '../../shared/settings';
import { findAdminTab } from '../adminTab';
import { requireHostAccess } from '../hostAccess';
import { waitForPage } from '../pageEvents';
import { FLOW_STEPS, lookupFlow, resendFlow, setPasswordFlow } from './flows';
import { PAGE_TIMEOUT_MS, RunContext } from './runContext';
import { listRuns, saveRun } from './runStore';

const executing = new Map<string, { controller: AbortController; tabId?: number }>();

// Start requests are handled one at a time so two at once cannot both miss each other's run.
let startQueue: Promise<unknown> = Promise.resolve();

const FLOWS = { lookup: lookupFlow, resend: resendFlow, 'set-password': setPasswordFlow } as const;

const BUSY_WORDS: Record<ActionKind, string> = { lookup: 'A look-up', resend: 'A resend', 'set-password': 'Setting a new password' };

export interface StartRequest {
  kind: ActionKind;
  email: string;
  shop?: string;
  tabId?: number;
  onThisPage?: boolean;
  decidedAt?: number;
  sendAnyway?: boolean;
}

export function startRun(request: StartRequest): Promise<RunView> {
  const next = startQueue.then(() => startNow(request));
  startQueue = next.catch(() => undefined);
  return next;
}

async function startNow({ kind, email, shop, tabId, onThisPage, decidedAt, sendAnyway }: StartRequest): Promise<RunView> {
  const wanted = normalizeEmail(email);
  if (!isPlausibleEmail(wanted)) throw new MessageError('bad-email', `"${email.trim()}" is not an e-mail address.`);
  if (!(kind in FLOWS)) throw new MessageError('bad-request', `Unknown action "${kind}".`);

  const running = (await listRuns()).find(
    (r) => r.status === 'running' && sameEmail(r.email, wanted) && (shop === undefined || r.shop === undefined || r.shop === shop),
  );
  if (running) {
    if (!executing.has(running.id)) resume(running);
    // The same action joins the run (a double click, two popups), and a look-up may watch any run;
    // an action joining another kind of run would be swallowed by it (a resend answered with a
    // look-up that sends nothing), so it is refused by name.
    if (kind !== 'lookup' && running.kind !== kind) throw new MessageError('busy', `${BUSY_WORDS[running.kind]} for ${running.email} is still running. Try again when it has ended.`);
    return running;
  }
  if (kind === 'set-password' && decidedAt !== undefined) {
    // Chosen before another popup's run of it ended (a Confirm that waited for that run): acting
    // now would change the password again, and the one just shown would stop working.
    const since = (await listRuns()).find((r) => r.kind === 'set-password' && r.status === 'done' && sameEmail(r.email, wanted) && (r.endedAt ?? 0) > decidedAt);
    if (since) throw new MessageError('already-set', `A new password for ${wanted} was set meanwhile (the popups showing that run show it, for a minute), so it was not set again: that one would stop working.`);
  }

  const run: RunView = {
    id: crypto.randomUUID(),
    kind,
    email: wanted,
    ...(shop !== undefined ? { shop } : {}),
    ...(tabId !== undefined ? { tabId } : {}),
    ...(onThisPage ? { onThisPage: true } : {}),
    ...(sendAnyway && kind === 'resend' ? { sendAnyway: true } : {}),
    status: 'running',
    steps: FLOW_STEPS[kind].map((id) => ({ id, state: 'pending' })),
    startedAt: Date.now(),
  };
  // The flow starts at once, not after the write: its first acts are reading, and Send and Save
  // wait for their recorded attempts, which storage gets only after this first state.
  const saved = saveRun(run);
  execute(run);
  return saved;
}

/** Picks up runs a stopped worker left unfinished. Called once when the worker starts. */
export async function resumeRuns(): Promise<void> {
  for (const run of await listRuns()) {
    // The flow runs again from the top: a step the stopped worker left "running" is not running.
    if (run.status === 'running' && !executing.has(run.id)) resume(run);
  }
}

/** A run a stopped worker left unfinished: its flow runs again from the top, so a step it left "running" is not. */
function resume(run: RunView): void {
  execute({ ...run, steps: run.steps.map((s) => (s.state === 'running' ? { id: s.id, state: 'pending' as const } : s)) });
}

/** Stops the runs working in a tab that was closed. */
export function abortRunsInTab(tabId: number): void {
  for (const { controller, tabId: runTab } of executing.values()) {
    if (runTab === tabId) controller.abort(new MessageError('tab-closed', 'The admin tab was closed.'));
  }
}

function execute(run: RunView): void {
  const controller = new AbortController();
  const entry: { controller: AbortController; tabId?: number } = { controller, ...(run.tabId !== undefined ? { tabId: run.tabId } : {}) };
  executing.set(run.id, entry);
  const ctx = new RunContext(run, controller.signal);
  const openAdmin = async (c: RunContext): Promise<PageReport> => {
    const report = await openAdminTab(c);
    entry.tabId = c.run.tabId;
    return report;
  };
  void (async () => {
    try {
      await FLOWS[run.kind](ctx, openAdmin);
    } catch (error) {
      const endedAt = Date.now();
      // A step the failure interrupted (or a stopped worker left "running") is failed, not running.
      const steps = ctx.run.steps.map((s) => (s.state === 'running' ? { ...s, state: 'failed' as const, endedAt } : s));
      await ctx.update({ status: 'failed', error: toRunError(error, currentStep(ctx.run)), steps, endedAt }).catch((writeError: unknown) => {
        // Storage refused the failure itself: the run stays "running" there, and a restarted worker
        // resumes it (which re-reads the admin before any Send or Save). Nothing else to do here.
        console.error('reset-desk: could not record a failed run', writeError instanceof Error ? writeError.message : writeError);
      });
    } finally {
      executing.delete(run.id);
      await logOutcome(ctx.run);
    }
  })();
}

async function openAdminTab(ctx: RunContext): Promise<PageReport> {
  const settings = await loadSettings();
  await requireHostAccess(settings.adminUrl);
  const known = ctx.run.tabId;
  if (known !== undefined && (await browser.tabs.get(known).catch(() => undefined))) {
    // A resend interrupted after Send: only a freshly loaded E-mail History can tell whether it went out.
    if (ctx.run.kind === 'resend' && ctx.run.sendAttempt) return ctx.reload();
    return ctx.here();
  }
  const existing = await findAdminTab(settings.adminUrl);
  if (existing?.id !== undefined) {
    await ctx.update({ tabId: existing.id });
    return ctx.here();
  }
  const url = parseAdminUrl(settings.adminUrl);
  if (!url) throw new MessageError('bad-settings', 'The admin address in the options is not a web address.');
  // Not focused: the agent stays where they are (the ticket, the call notes).
  const created = await browser.tabs.create({ url: url.href, active: false });
  if (created.id === undefined) throw new MessageError('no-admin-tab', 'Could not open an admin tab.');
  await ctx.update({ tabId: created.id });
  return waitForPage(created.id, null, { timeoutMs: PAGE_TIMEOUT_MS, signal: ctx.signal });
}

function currentStep(run: RunView): StepId | undefined {
  return run.steps.find((s) => s.state === 'running' || s.state === 'failed')?.id;
}

export function toRunError(error: unknown, step: StepId | undefined): RunError {
  const wire = toWireError(error);
  const wireStep = typeof wire.details?.step === 'string' ? (wire.details.step as StepId) : undefined;
  return {
    code: wire.code,
    // The sentence and its hint (what to do) come from the locale files, keyed by the error's code.
    message: errorWithHint(wire),
    // A resend of ours that the E-mail History does not list (yet): the agent may choose to send again.
    remedy: wire.details?.sendAnyway === true ? 'send-anyway' : REMEDIES[wire.code],
    ...((step ?? wireStep) ? { step: step ?? wireStep } : {}),
    ...labelAndPage(wire.details),
    ...(wire.code === 'already-resent' && typeof wire.details?.agoMs === 'number' ? { resentAt: Date.now() - wire.details.agoMs } : {}),
  };
}

const PAGES: readonly string[] = ['login', 'incoming-requests', 'customers', 'user', 'customer', 'other'];

/** An adapter error's label and page (AdminError.toJSON's), kept for the popup's teach mode. */
function labelAndPage(details: Record<string, unknown> | undefined): Pick<RunError, 'label' | 'page'> {
  const label = details?.label as { key?: unknown; text?: unknown } | undefined;
  const page = details?.page;
  return {
    ...(label && typeof label.key === 'string' && typeof label.text === 'string' ? { label: { key: label.key, text: label.text } } : {}),
    ...(typeof page === 'string' && PAGES.includes(page) ? { page: page as RunError['page'] } : {}),
  };
}

async function logOutcome(run: RunView): Promise<void> {
  try {
    const settings = await loadSettings();
    await recordActivity({ at: Date.now(), action: run.kind, email: run.email, shop: run.shop ?? '', outcome: outcomeOf(run, settings) });
  } catch (error) {
    // The run itself is over and shown; only its line in the activity log is missing.
    console.error('reset-desk: could not record the activity', error instanceof Error ? error.message : error);
  }
}

function outcomeOf(run: RunView, settings: Settings): string {
  if (run.status === 'choose-shop') return t('outSeveralShops');
  if (run.status === 'failed') return run.error?.code === 'not-found' ? t('outNotFound') : t('outFailed', [failureWords(run.error?.code)]);
  if (run.status === 'running') return t('outInterrupted');
  if (run.kind === 'resend') return t('outResent');
  if (run.kind === 'set-password') return t('outPasswordSet');
  if (!run.lookup) return t('outDone');
  // Judged as the card judged it: at the reading's time, with the agent's validity window and zone.
  return stateWord(judge(run.lookup, settings, run.lookup.readAt).status.state);
}
