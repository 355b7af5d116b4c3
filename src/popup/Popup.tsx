import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { isPlausibleEmail, normalizeEmail, sameEmail } from '../domain/email';
import { REPLY_LANGS, replyLanguage, type ReplyLang, type TemplateId } from '../domain/replyTemplates';
import { actionWords, outcomeWords, readActivity, type ActivityEntry, ACTIVITY_KEY } from '../shared/activityLog';
import { errorText, pageWords } from '../shared/errorWords';
import { t, type MessageKey } from '../shared/i18n';
import { sendToBackground } from '../shared/messaging';
import { duration, nextStep, outcomeLine, present, renderReply, runOutcome, type Presented } from '../shared/present';
import type { ActionKind } from '../shared/protocol';
import type { LookupData, RunError, RunView } from '../shared/runs';
import type { LabelKey } from '../admin/labels';
import { DEFAULT_SETTINGS, effectiveTimeZone, loadSettings, type Settings } from '../shared/settings';
import { CopyButton } from '../ui/CopyButton';
import { NotFound, OutcomeCard, ResultCard, ShopPicker } from './ResultCard';
import { LayoutReportAction } from './LayoutReport';
import { Steps } from './Steps';
import { stepLabel } from './words';
import { useNow, useRun } from '../ui/live';

/** `?tab=<id>`: act on a given admin tab (a popup opened as a page is attached to no tab). */
function tabFromQuery(): number | undefined {
  const raw = new URLSearchParams(location.search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

/** A finished run younger than this is shown again when the popup reopens. */
const RECENT_MS = 10 * 60_000;

/** No customer with the address: ask which one the customer registered with (the main reply), or to request again. */
const NOT_FOUND_REPLIES: TemplateId[] = ['which-address', 'try-again'];

const REPLY_NAMES: Record<TemplateId, MessageKey> = {
  'try-again': 'replyTryAgain',
  'request-again': 'replyRequestAgain',
  'new-password': 'replyNewPassword',
  'forward-copy': 'replyForward',
  'resend-done': 'replyResent',
  'already-changed': 'replyChanged',
  'which-address': 'replyWhichAddress',
};

export function Popup() {
  const tabId = useMemo(tabFromQuery, []);
  const [email, setEmail] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const { run, show: setRun, lost: followLost } = useRun();
  const [lastLookup, setLastLookup] = useState<RunView | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  // When the agent opened the set-password confirmation (false: not open).
  const [confirming, setConfirming] = useState<number | false>(false);
  const [secret, setSecret] = useState<{ password: string; expiresAt: number } | null>(null);
  // A saved password this popup can no longer show (its minute is over, or the worker restarted).
  const [secretGone, setSecretGone] = useState(false);
  const [activity, setActivity] = useState<ActivityEntry[]>([]);
  // The agent's choice of the replies' language for this customer (null: follow the customer's).
  const [chosenLang, setChosenLang] = useState<ReplyLang | null>(null);
  // Teach mode sent to the admin tab (what the agent is to point out there), or why it could not be.
  const [teaching, setTeaching] = useState<{ said: string; failed?: boolean } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  /** The agent has gone into the field, typed or started something: prefilling must not touch it. */
  const touched = useRef(false);
  const now = useNow();

  useEffect(() => {
    // Unreadable settings would leave the defaults (24 h, the local zone, the default replies) in
    // force without a word: said where errors are said.
    void loadSettings().then(setSettings, (error: unknown) => setStartError(t('popupSettingsUnreadable', [errorText(error)])));
    void readActivity().then(setActivity);
    const onLocal = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && ACTIVITY_KEY in changes) void readActivity().then(setActivity);
    };
    browser.storage.onChanged.addListener(onLocal);
    // `?email=` (the context-menu item): fill it in and look it up at once; start() shows why when it is no address.
    const queried = new URLSearchParams(location.search).get('email');
    if (queried !== null) {
      setEmail(queried);
      void start({ kind: 'lookup', typed: queried });
    } else void (async () => {
      const [current, newest] = await Promise.all([
        sendToBackground('admin/current-customer', { tabId }).catch(() => ({}) as { email?: string }),
        sendToBackground('run/get', {}).catch(() => null),
      ]);
      // The agent may have typed (or even started a look-up) while we asked: never overwrite that.
      if (touched.current) return;
      const recent = newest && (newest.status === 'running' || (newest.endedAt ?? 0) > Date.now() - RECENT_MS) ? newest : null;
      const wanted = current.email ?? recent?.email;
      if (wanted) setEmail(wanted);
      else input.current?.focus();
      if (recent && (!current.email || sameEmail(recent.email, current.email))) setRun(recent);
    })();
    return () => browser.storage.onChanged.removeListener(onLocal);
  }, []);

  // The card keeps showing the last look-up while a set-password run (which reads no history) goes on.
  useEffect(() => {
    if (run?.lookup) setLastLookup(run);
  }, [run]);

  // A finished set-password run: fetch the password once from the worker's memory; forget it after a minute.
  useEffect(() => {
    setSecretGone(false);
    if (run?.kind !== 'set-password' || run.status !== 'done') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gone = () => {
      setSecret(null);
      setSecretGone(true);
    };
    sendToBackground('run/reveal-password', { runId: run.id }).then((held) => {
      if (!held) return gone();
      setSecret(held);
      timer = setTimeout(gone, Math.max(0, held.expiresAt - Date.now()));
    }, gone);
    return () => clearTimeout(timer);
  }, [run?.id, run?.status]);

  /** Starts a run: `typed` defaults to the field's address; `decidedAt` is when the agent opened the set-password confirmation. */
  const start = async ({ kind, shop, typed = email, decidedAt, sendAnyway = false }: { kind: ActionKind; shop?: string | undefined; typed?: string; decidedAt?: number; sendAnyway?: boolean }) => {
    setStartError(null);
    setTeaching(null);
    setConfirming(false);
    const wanted = normalizeEmail(typed);
    if (!isPlausibleEmail(wanted)) {
      setInputError(wanted ? t('badEmail', [wanted]) : t('emptyEmail'));
      input.current?.focus();
      return;
    }
    setInputError(null);
    if (kind === 'lookup') {
      setLastLookup(null);
      setChosenLang(null);
      setSecret(null);
    }
    try {
      setRun(
        await sendToBackground('run/start', {
          kind,
          email: wanted,
          ...(shop !== undefined ? { shop } : {}),
          ...(tabId !== undefined ? { tabId } : {}),
          ...(decidedAt !== undefined ? { decidedAt } : {}),
          ...(sendAnyway ? { sendAnyway: true } : {}),
        }),
      );
    } catch (error) {
      setStartError(errorText(error));
    }
  };

  /** "Show me": the admin tab shows the picker for the missing label; the agent goes there. */
  const teach = async (page: NonNullable<RunError['page']>, label: NonNullable<RunError['label']>) => {
    try {
      await sendToBackground('admin/teach', { ...(tabId !== undefined ? { tabId } : {}), page, key: label.key as LabelKey });
      setTeaching({ said: t('teachLookAtAdmin', [t('quoted', [label.text]), pageWords(page)]) });
    } catch (error) {
      setTeaching({ said: errorText(error), failed: true });
    }
  };
  const teachable = run?.status === 'failed' && run.error?.code === 'label-missing' && run.error.label && run.error.page ? { page: run.error.page, label: run.error.label } : null;

  const agentTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const lookupRun = lastLookup && sameEmail(lastLookup.email, email || lastLookup.email) ? lastLookup : null;
  const presented = lookupRun?.lookup
    ? present(lookupRun.lookup, { now, validityHours: settings.validityHours, adminTimeZone: effectiveTimeZone(settings), adminZoneKnown: effectiveTimeZone(settings) === settings.adminTimeZone, agentTimeZone })
    : null;
  const busy = run?.status === 'running';
  const canResend = presented?.decision.kind === 'resend' && !busy;
  const shop = lookupRun?.lookup?.customer.shop ?? run?.shop;
  const suggested = replyLanguage(lookupRun?.lookup?.customer.language, undefined, settings.replyLanguage);
  const replyLang = chosenLang ?? suggested.lang;
  const reply = (id: TemplateId) =>
    renderReply(id, {
      ...(lookupRun?.lookup ? { lookup: lookupRun.lookup } : {}),
      email: normalizeEmail(email),
      ...(shop ? { shop } : {}),
      ...(secret ? { password: secret.password } : {}),
      ...(presented && presented.status.state !== 'none' ? { validUntil: presented.status.validUntil } : {}),
      agentTimeZone,
      templates: settings.templates,
      lang: replyLang,
      replyTimeZone: effectiveTimeZone(settings),
    });

  // What the customer's last action run did (resent, refused as already resent, password set): its line replaces the action buttons.
  const outcome = run && sameEmail(run.email, email || run.email) ? runOutcome(run) : null;
  const clock = useNow(secret ? 1000 : 15_000);
  const passwordBlock = secret ? (
    <section class="secret" aria-label={t('newPassword')}>
      <p>{t('newPasswordOnce')}</p>
      <code class="password">{secret.password}</code>
      <CopyButton secret text={secret.password} what={t('thePassword')} />
      <p class="muted" data-countdown>
        {t('passwordClearsIn', [Math.max(0, Math.ceil((secret.expiresAt - clock) / 1000))])}
      </p>
    </section>
  ) : secretGone ? (
    <section class="secret" aria-label={t('newPassword')}>
      <p>{t('newPasswordGone')}</p>
    </section>
  ) : null;
  const outcomeActions = outcome ? (
    <section class="actions" aria-label={t('actions')}>
      {outcome.kind === 'password-set' ? null : (
        <p class={outcome.kind === 'already-resent' ? 'outcome info' : 'outcome ok'} data-outcome={outcome.kind}>
          {outcomeLine(outcome, now, agentTimeZone)}
        </p>
      )}
      {/* The refusal's own sentence (what was not done, what to tell the customer, whether the history lists it). */}
      {outcome.kind === 'already-resent' && run?.error ? (
        <p class="muted" data-outcome-detail>
          {run.error.message}
        </p>
      ) : null}
      <div class="do-buttons">
        {outcome.kind === 'password-set' ? (
          secret ? <CopyButton primary focus secret text={reply('new-password')} what={t('replyNewPassword')} /> : null
        ) : (
          <CopyButton primary focus text={reply('resend-done')} what={t('replyResent')} />
        )}
        {/* Our own resend the E-mail History does not list (yet): the agent may still choose to send. */}
        {outcome.kind === 'already-resent' && run?.error?.remedy === 'send-anyway' ? (
          <button type="button" onClick={() => void start({ kind: 'resend', shop: run.shop, typed: run.email, sendAnyway: true })}>
            {t('sendAnyway')}
          </button>
        ) : null}
      </div>
    </section>
  ) : null;

  /** One shop's state at a glance, judged as the card would judge it. */
  const shopState = (lookup: LookupData | undefined): { state: string; line: string } | null => {
    if (!lookup) return null;
    const p = present(lookup, { now, validityHours: settings.validityHours, adminTimeZone: effectiveTimeZone(settings), adminZoneKnown: effectiveTimeZone(settings) === settings.adminTimeZone, agentTimeZone });
    const detail = p.status.state === 'valid' ? t('leftDuration', [duration(p.status.remainingMs, 'left')]) : p.age ? t('barRequested', [p.age]) : '';
    return { state: p.status.state, line: detail ? `${p.stateWord} · ${detail}` : p.stateWord };
  };

  const next = presented ? nextStep(presented.decision, presented.status, settings.setPasswordBelowMinutes * 60_000) : null;
  // The one thing to do, directly under the state word: its button is the primary one.
  const actions = outcomeActions ?? (
    presented && next ? (
      <section class="actions" aria-label={t('actions')}>
        <p class="do">{next.text}</p>
        <div class="do-buttons">
          <button type="button" class={next.action === 'resend' ? 'primary' : undefined} disabled={!canResend} aria-describedby="resend-why" onClick={() => void start({ kind: 'resend', shop })}>
            {t('resend')}
          </button>
          {confirming ? null : (
            <button type="button" class={next.action === 'set-password' ? 'primary' : undefined} disabled={busy} onClick={() => setConfirming(Date.now())}>
              {t('setPassword')}
            </button>
          )}
          {next.action === 'copy-reply' && next.reply ? <CopyButton primary text={reply(next.reply)} what={t(REPLY_NAMES[next.reply])} /> : null}
        </div>
        {presented.decision.kind === 'resend' ? (
          <p id="resend-why" class="muted">
            {t('resendWhy')}
          </p>
        ) : null}
        {confirming ? (
          <div class="confirm" role="group" aria-label={t('setPassword')}>
            <p>{shop ? t('confirmSetPassword', [normalizeEmail(email), shop]) : t('confirmSetPasswordNoShop', [normalizeEmail(email)])}</p>
            <button type="button" class="primary" onClick={() => void start({ kind: 'set-password', shop, decidedAt: confirming })}>
              {t('confirm')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        ) : null}
      </section>
    ) : null);
  // The live region says the state word only (the card is read when the agent goes to it).
  const headline = outcome ? outcomeLine(outcome, now, agentTimeZone) : presented ? presented.stateWord : run?.status === 'failed' && run.error?.code === 'not-found' ? t('noCustomer') : run?.status === 'choose-shop' ? t('severalShops') : '';
  const shownError = run?.status === 'failed' && run.error && run.error.code !== 'not-found' && outcome?.kind !== 'already-resent' ? run.error : null;

  return (
    <main class="popup">
      <h1>Reset Desk</h1>
      <form
        class="lookup"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void start({ kind: 'lookup' });
        }}
      >
        <label for="customer-email">{t('customerEmail')}</label>
        <div class="row">
          <input
            id="customer-email"
            ref={input}
            type="email"
            autocomplete="off"
            spellcheck={false}
            value={email}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={inputError ? 'email-error' : undefined}
            // Focus counts: a prefill landing while the agent types or pastes would mix two addresses.
            onFocus={() => {
              touched.current = true;
            }}
            onInput={(e) => {
              touched.current = true;
              setEmail((e.target as HTMLInputElement).value);
            }}
          />
          <button type="submit" disabled={busy}>
            {t('lookUp')}
          </button>
        </div>
        {inputError ? (
          <p id="email-error" class="error" role="alert">
            {inputError}
          </p>
        ) : null}
      </form>

      {run ? <Steps run={run} /> : null}

      <p data-announce role="status" aria-live="polite" class="announce">
        {headline}
      </p>
      <div class="result">
        {startError ? (
          <p class="error" role="alert">
            {startError}
          </p>
        ) : null}
        {followLost && run?.status === 'running' ? (
          <p class="error" role="alert">
            {followLost}
          </p>
        ) : null}
        {run?.status === 'running' && !presented ? <p>{t('working')}</p> : null}
        {run?.status === 'choose-shop' && run.shops ? <ShopPicker shops={run.shops} onPick={(s) => void start({ kind: run.kind, shop: s })} stateOf={(s) => shopState(run.shopLookups?.find((l) => l.customer.shop === s))} /> : null}
        {run?.status === 'failed' && run.error?.code === 'not-found' ? (
          <NotFound
            email={run.email}
            lookalikes={run.lookalikes ?? []}
            onPick={(address) => {
              setEmail(address);
              void start({ kind: 'lookup', typed: address });
            }}
          />
        ) : null}
        {lookupRun?.lookup && presented ? (
          <ResultCard lookup={lookupRun.lookup} presented={outcome ? withoutResendWarnings(presented) : presented} actions={actions} top={outcome?.kind === 'password-set' ? passwordBlock : null} headline={outcome?.kind === 'password-set' ? headline : undefined} />
        ) : outcome?.kind === 'password-set' ? (
          <OutcomeCard headline={headline} top={passwordBlock} actions={actions} />
        ) : null}
        {run?.status === 'done' && run.notice ? <p class="notice">{run.notice}</p> : null}
        {run && shownError ? (
          <div class="error-box" role="alert">
            <p class="error">{shownError.message}</p>
            {shownError.step ? <p class="muted">{t('failedAtStep', [stepLabel(shownError.step)])}</p> : null}
            {shownError.remedy === 'open-login' ? (
              <button type="button" onClick={() => void openAdmin(run.tabId, settings.adminUrl)}>
                {t('openLogin')}
              </button>
            ) : null}
            {shownError.remedy === 'retry' ? (
              <button type="button" onClick={() => void start({ kind: run.kind, shop: run.shop })}>
                {t('retry')}
              </button>
            ) : null}
            {shownError.remedy === 'send-anyway' ? (
              <button type="button" onClick={() => void start({ kind: 'resend', shop: run.shop, typed: run.email, sendAnyway: true })}>
                {t('sendAnyway')}
              </button>
            ) : null}
            {teachable ? (
              <button type="button" class="primary" onClick={() => void teach(teachable.page, teachable.label)}>
                {t('showMe')}
              </button>
            ) : null}
            {shownError.remedy === 'check-settings' ? (
              <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
                {t('openOptions')}
              </button>
            ) : null}
            {teachable ? <LayoutReportAction tabId={tabId} /> : null}
            {teachable && teaching ? (
              <p class={teaching.failed ? 'error' : 'notice'} data-teaching>
                {teaching.said}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>


      {presented || run?.error?.code === 'not-found' ? (
        <section class="replies" aria-label={t('replies')}>
          <h2>{t('replies')}</h2>
          <p class="reply-lang">
            <label for="reply-lang">{t('replyLang')}</label>{' '}
            <select id="reply-lang" value={replyLang} aria-describedby="reply-lang-why" onChange={(e) => setChosenLang((e.target as HTMLSelectElement).value as ReplyLang)}>
              {REPLY_LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(l === 'en' ? 'langEn' : 'langDe')}
                </option>
              ))}
            </select>{' '}
            <span id="reply-lang-why" class="muted">
              {chosenLang === null || chosenLang === suggested.lang ? t(suggested.from === 'customer' ? 'replyLangFromCustomer' : suggested.from === 'shop' ? 'replyLangFromShop' : 'replyLangFromSetting') : ''}
            </span>
          </p>
          {/* Only the replies that fit the state; the main one is the primary button (in the card when copying is the step). */}
          {(next ? next.replies : NOT_FOUND_REPLIES)
            .filter((id) => !(next?.action === 'copy-reply' && id === next.reply))
            .map((id) => (
              <CopyButton key={id} primary={next ? id === next.reply : id === NOT_FOUND_REPLIES[0]} text={reply(id)} what={t(REPLY_NAMES[id])} />
            ))}
        </section>
      ) : null}

      {activity.length ? (
        <section class="activity" aria-label={t('recentActivity')}>
          <h2>{t('recentActivity')}</h2>
          <ul>
            {activity.slice(0, 5).map((a) => (
              <li key={`${a.at}-${a.email}-${a.action}`}>
                <time>{new Date(a.at).toLocaleTimeString()}</time> {actionWords(a.action)} {a.email} {a.shop ? `(${a.shop})` : ''}: {outcomeWords(a.outcome)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {teachable ? null : (
        <footer class="tools">
          <LayoutReportAction tabId={tabId} />
        </footer>
      )}
    </main>
  );
}

/** After our own resend (or its refusal) the outcome line says it; an earlier-resend warning with its row would repeat it. */
function withoutResendWarnings(presented: Presented): Presented {
  return { ...presented, warnings: presented.warnings.filter((_, i) => presented.decision.warnings[i]?.code !== 'resent-before') };
}

async function openAdmin(tabId: number | undefined, adminUrl: string): Promise<void> {
  if (tabId !== undefined) {
    const tab = await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
    if (tab) return;
  }
  await browser.tabs.create({ url: adminUrl });
}
