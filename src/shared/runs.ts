/**
 * A run is one multi-step action (look-up, resend, set password) owned by the background worker,
 * wherever it was started (popup, context menu, an in-page button). Its view is persisted in
 * `storage.session` so a restarted worker can resume it, and posted to every watcher that follows
 * the customer (src/shared/runFollow.ts). It never holds a password.
 */
import type { CustomerRef, HistoryEmail, ResetRequest } from '../domain/types';
import type { ErrorCode, ErrorRemedy, WireError } from './errors';
import type { ActionKind, PageReport } from './protocol';

export type StepId =
  | 'open-admin'
  | 'open-incoming'
  | 'search'
  | 'open-user'
  | 'load-history'
  | 'open-email'
  | 'reply'
  | 'send'
  | 'open-customers'
  | 'search-customer'
  | 'open-customer'
  | 'fill-password'
  | 'save';

export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

export interface StepView {
  id: StepId;
  state: StepState;
  startedAt?: number;
  endedAt?: number;
  /** Extra words for the step (e.g. "already sent at 15:04, not sent again"). */
  note?: string;
}

export type RunStatus = 'running' | 'done' | 'failed' | 'choose-shop';

export interface RunError {
  code: ErrorCode;
  message: string;
  remedy: ErrorRemedy;
  /** The step it happened in. */
  step?: StepId;
  /** The admin's label it is about (label-missing: what teach mode asks the agent to point out), and its page. */
  label?: { key: string; text: string };
  page?: PageReport['page'];
  /** already-resent: when the resend it refused to repeat went out (the popup words its age live). */
  resentAt?: number;
}

/** Everything the card needs; state and decision are derived from it with the pure rules. */
export interface LookupData {
  customer: CustomerRef;
  requests: ResetRequest[];
  emails: HistoryEmail[];
  /** When the histories were read. */
  readAt: number;
}

export interface RunView {
  id: string;
  /** Counts the run's saved states: of two views of one run, the higher is the newer. */
  rev?: number;
  kind: ActionKind;
  email: string;
  shop?: string;
  tabId?: number;
  /** Started from the admin page itself: the customer is the one that page shows. */
  onThisPage?: boolean;
  status: RunStatus;
  steps: StepView[];
  startedAt: number;
  endedAt?: number;
  lookup?: LookupData;
  /** Several shops hold this e-mail: pick one and start again with `shop`. */
  shops?: CustomerRef[];
  /** A look-up with several shops: each shop's reading (a shop that could not be read has none). */
  shopLookups?: LookupData[];
  /** Substring look-alikes when there is no exact match. */
  lookalikes?: CustomerRef[];
  /** The admin's own words on success ("E-mail has been sent", "Changes saved"). */
  notice?: string;
  error?: RunError;
  /** Resend: persisted before Send is clicked, so a restarted worker checks instead of sending again. */
  sendAttempt?: { at: number; resendsBefore: number };
  /** Resend: the agent chose to send although a resend of ours moments ago may have gone out. */
  sendAnyway?: boolean;
  /** Set password: persisted before Save is clicked. */
  saveAttempt?: { at: number };
}

export const RUNS_KEY = 'runs';

/**
 * Following a run: a watcher (popup, in-page bar) connects a port of this name and posts one
 * FollowRequest; the worker posts a FollowPost at once and on every change of that customer's runs.
 */
export const FOLLOW_PORT = 'run-follow';
export interface FollowRequest {
  /** The customer whose newest run to follow. */
  email: string;
}
export type FollowPost = { run: RunView | null } | { error: WireError };
