package dev.figmascim.bridge.model;

/** The outcome of a reconciliation run. */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED
}
