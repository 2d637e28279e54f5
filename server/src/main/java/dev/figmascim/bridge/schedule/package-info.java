/**
 * Scheduled reconciliations: Figma's SCIM API and activity log at the intervals configured
 * ({@code figma.scim.sync-interval}, {@code figma.activity.sync-interval}), one run at a time.
 */
package dev.figmascim.bridge.schedule;
