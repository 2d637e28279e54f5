package dev.figmascim.bridge.reconcile;

/** How a field's value is chosen when sources disagree (docs/reconciliation.md, "Precedence"). */
enum Rule {
    /**
     * The owning source always wins, including clearing the value. Another source may set the field
     * only while the owner has never reported the member, or the field is empty.
     */
    OWNED,
    /** The most recently applied run that reports the field wins (runs are applied in time order). */
    LATEST,
    /** The later instant wins; a source never moves it back or clears it. */
    MAX
}
