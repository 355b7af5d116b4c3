import { t, type MessageKey } from '../shared/i18n';
import type { StepId } from '../shared/runs';

const STEP_KEYS: Record<StepId, MessageKey> = {
  'open-admin': 'stepOpenAdmin',
  'open-incoming': 'stepOpenRequests',
  search: 'stepSearch',
  'open-user': 'stepOpenUser',
  'load-history': 'stepLoadHistory',
  'open-email': 'stepOpenEmail',
  reply: 'stepReply',
  send: 'stepSend',
  'open-customers': 'stepOpenCustomers',
  'search-customer': 'stepSearchCustomer',
  'open-customer': 'stepOpenCustomer',
  'fill-password': 'stepFillPassword',
  save: 'stepSave',
};

export const stepLabel = (id: StepId): string => t(STEP_KEYS[id]);
