/**
 * The admin adapter: the ONLY code that knows the FlickRocket admin's visible labels and page
 * structure (see docs/admin-model.md). Everything is found by label text and structure — a
 * heading and what follows it, a table's header row, a form's controls — never by ids, classes or
 * URLs. Parsers are pure functions over a Document; actions act on the live page and wait with
 * MutationObservers. Every failure is an AdminError naming page, step and label; nothing guesses.
 */
export * from './errors';
export * from './labels';
export * from './dates';
export {
  textOf, displayText, controlNames, findControls, findControl, findElementsWithText, hasText, findHeadings, findHeading,
  sectionAfter, queryAll, mapColumns, bestTable, cellAtColumn, waitForDom, clickLikeAUser, setInputValue, markOnce,
  WaitTimeoutError, WaitAbortedError,
} from './dom';
export type { Scope, Section, ColumnMap, WaitOptions } from './dom';
export { recognizePage, checkLayout, findSearchForm, isLabelPresent } from './pages';
export { PAGE_STEPS, keysOfPage, stepLabels } from './needs';
export type { LabelRole, LabelUse, StepLabels, StepWhen } from './needs';
export type { LayoutCheck } from './pages';
export { parseSearchResults } from './searchResults';
export type { SearchRow, SearchResults } from './searchResults';
export { parsePasswordHistory, originFromText } from './passwordHistory';
export type { HistoryParseOptions } from './passwordHistory';
export { parseEmailHistory, subjectControl, latestNewPasswordEmail } from './emailHistory';
export { findCustomerForm, findPasswordField, findLabeledFields, readCustomerFormLanguage, readSaveOutcome, saveBaseline } from './customerForm';
export type { CustomerForm, SaveBaseline, SaveOutcome } from './customerForm';
export { readUserPageEmail, requireCustomerEmail, readHistoryState, historySection } from './userPage';
export { readPageIdentity } from './identity';
export type { IdentityPlace, IdentitySource, PageIdentity } from './identity';
export type { HistoryKind, HistoryState, HistorySectionState } from './userPage';
export { historyRowElements, readUserDetails, readSearchQuery, linkTarget } from './inPage';
export type { HistoryRowElement, UserDetails } from './inPage';
export {
  openMenuItem, submitSearch, openResult, loadHistory, openEmail, replyToOpenEmail, requireOnlyRecipient, sendComposedEmail,
  fillCustomerPassword, saveCustomer, isShown,
} from './actions';
export type { MenuItem, WaitingOptions, LoadHistoryOptions, LoadHistoryResult, OpenEmail, ComposeForm } from './actions';
export { buildLayoutReport, LAYOUT_REPORT_FORMAT } from './layoutReport';
export type { LayoutReport, LayoutReportContext, ReportNode } from './layoutReport';
export { candidateAt, checkTaught, isLabelKey, isPageKind, kindOf, listCandidates, overrideKeyFor, roleOf, visibleText } from './teach';
export type { Candidate, CandidateKind, TeachRefusal, TeachVerdict } from './teach';
