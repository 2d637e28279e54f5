/**
 * The reconciliation engine: one source's snapshot or event batch merged into the store in one
 * transaction. Changes are computed by pure functions ({@link dev.figmascim.bridge.reconcile.MemberMerge}
 * over the precedence table {@link dev.figmascim.bridge.reconcile.MemberField}) and then applied and
 * recorded as ChangeEvents by {@link dev.figmascim.bridge.reconcile.Reconciler}. See docs/reconciliation.md.
 */
package dev.figmascim.bridge.reconcile;
