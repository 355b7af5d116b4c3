/** The fault matrix before the effect, look-up and set password (the cases: faultsBeforeEffect.ts). */
import { beforeEffectMatrix } from './faultsBeforeEffect';

beforeEffectMatrix('faults.test.ts', ['lookup', 'set-password']);
