import { errorMessage } from '../errors.js';
import type { CheckOutcome, HealthComponent } from './types.js';

/**
 * Proves a component's checkout sits at its locked commit. Supplied by the caller, which owns git;
 * the signal fires when the whole health run is aborted.
 */
export type LockCheck = (
  component: HealthComponent,
  signal?: AbortSignal,
) => Promise<{ ok: boolean; detail: string }>;

export const NO_CHECKOUT = 'no checkout';

/** A component that is not checked out cannot be at the wrong commit, so it passes without asking git. */
export async function runLockCheck(component: HealthComponent, lockCheck: LockCheck, signal?: AbortSignal): Promise<CheckOutcome> {
  if (component.checkoutDir === undefined) return { ok: true, detail: NO_CHECKOUT };
  try {
    const { ok, detail } = await lockCheck(component, signal);
    return { ok: ok === true, detail };
  } catch (err) {
    return { ok: false, detail: `lock check failed: ${errorMessage(err)}` };
  }
}
