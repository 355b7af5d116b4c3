import type { ComponentChildren } from 'preact';
import type { CustomerRef } from '../domain/types';
import { t } from '../shared/i18n';
import type { Presented } from '../shared/present';
import type { LookupData } from '../shared/runs';

/** The look-up's result at a glance: state word first, then the facts behind it. */
export function ResultCard({ lookup, presented, actions, top, headline }: { lookup: LookupData; presented: Presented; actions?: ComponentChildren; top?: ComponentChildren; headline?: string | undefined }) {
  const { status } = presented;
  // `headline`: what our own action made of the state ("Changed by you at 02:10 CET"), in place of the state word read before it.
  return (
    <section class={`card state-${headline ? 'changed' : status.state}`} aria-label={t('result')}>
      <p class="state-word">{headline ?? presented.stateWord}</p>
      {top}
      {actions}
      <dl>
        <dt>{t('customer')}</dt>
        <dd>
          {lookup.customer.name ? `${lookup.customer.name} · ` : ''}
          {lookup.customer.email}
        </dd>
        <dt>{t('shop')}</dt>
        <dd>{lookup.customer.shop}</dd>
        {presented.requestedAt ? (
          <>
            <dt>{t('latestRequest')}</dt>
            <dd>
              {presented.requestedAt.agent}
              {presented.requestedAt.admin ? <span class="admin-time"> · {presented.requestedAt.admin}</span> : null}
              <span class="age"> · {presented.age}</span>
            </dd>
          </>
        ) : null}
        {presented.validity ? (
          <>
            <dt>{t('validity')}</dt>
            <dd>{presented.validity}</dd>
          </>
        ) : null}
        {status.state !== 'none' ? (
          <>
            <dt>{t('passwordChanged')}</dt>
            <dd>{status.state === 'changed' ? t('yes') : t('no')}</dd>
          </>
        ) : null}
      </dl>
      {/* Words for the customer, in the agent's language (the copied replies are in the customer's): collapsed, the card leads with what to do. */}
      <details class="words">
        <summary>{t('wordsForCustomer')}</summary>
        <p class="reason" lang={t('htmlLang')}>
          {presented.reason}
        </p>
      </details>
      {presented.warnings.length ? (
        <ul class="warnings">
          {presented.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The outcome of our action without a look-up to show (the popup reopened after a set password). */
export function OutcomeCard({ headline, top, actions }: { headline: string; top?: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <section class="card state-changed" aria-label={t('result')}>
      <p class="state-word">{headline}</p>
      {top}
      {actions}
    </section>
  );
}

/** Several shops: each one with its own state ("Valid · 22 h left"), or "not checked" when it could not be read. */
export function ShopPicker({ shops, onPick, stateOf }: { shops: CustomerRef[]; onPick(shop: string): void; stateOf(shop: string): { state: string; line: string } | null }) {
  return (
    <section class="card" aria-label={t('severalShops')}>
      <p>{t('severalShops')}</p>
      <ul class="shops">
        {shops.map((s) => (
          <li key={s.shop}>
            <button type="button" onClick={() => onPick(s.shop)}>
              {s.shop}
            </button>{' '}
            <span class="muted">{s.name}</span>{' '}
            {((state) =>
              state ? (
                <span class={`shop-state state-text-${state.state}`} data-shop-state={state.state}>
                  {state.line}
                </span>
              ) : (
                <span class="muted" data-shop-state="unknown">
                  {t('shopNotChecked')}
                </span>
              ))(stateOf(s.shop))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** No exact match: the admin's look-alikes, each a button that looks that address up (the customer may have mistyped). */
export function NotFound({ email, lookalikes, onPick }: { email: string; lookalikes: CustomerRef[]; onPick(email: string): void }) {
  return (
    <section class="card state-none" aria-label={t('result')}>
      <p class="state-word">{t('noCustomer')}</p>
      <p>{t('noCustomerDetail', [email])}</p>
      {lookalikes.length ? (
        <>
          <p>{t('lookalikes')}</p>
          <ul class="lookalikes">
            {lookalikes.map((c) => (
              <li key={`${c.email}|${c.shop}`}>
                <button type="button" class="link" aria-label={t('lookUpThis', [c.email])} onClick={() => onPick(c.email)}>
                  {c.email}
                </button>{' '}
                <span class="muted">({c.shop})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
