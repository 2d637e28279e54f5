package dev.figmascim.bridge.reconcile;

/** One field of one member going from {@code oldValue} to {@code newValue}. */
record FieldChange(MemberField field, Object oldValue, Object newValue) {
}
