/** The fault matrix before the effect, resend (the cases: faultsBeforeEffect.ts). */
import { beforeEffectMatrix } from './faultsBeforeEffect';

beforeEffectMatrix('faultsResend.test.ts', ['resend']);
