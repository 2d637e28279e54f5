package dev.figmascim.bridge.model;

/** Where a fact came from. */
public enum Source {
    CSV, FIGMA_SCIM, ACTIVITY_LOG, DECLARED, DEMO
}
