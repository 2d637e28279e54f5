/**
 * Figma's HTTP sources, read-only: {@link dev.figmascim.bridge.source.figma.FigmaScimClient} pages Figma's SCIM
 * API (users with stable ids, active flag, seat, admin flag, enterprise attributes; groups = workspaces and
 * billing groups), {@link dev.figmascim.bridge.source.figma.ActivityLogClient} reads {@code GET /v1/activity_logs}
 * one page at a time, {@link dev.figmascim.bridge.source.figma.FigmaMeClient} checks a token with
 * {@code GET /v1/me}. Their records are immutable and tolerant of Figma's format quirks.
 *
 * <p>All HTTP goes through the package-private {@code FigmaHttp}: timeouts, bounded retries with backoff and
 * jitter, {@code Retry-After} honoured up to a cap, one typed {@link dev.figmascim.bridge.source.figma.FigmaApiException}
 * for every failure, and tokens that never reach a log record, an exception message or a {@code toString}.
 * Settings come from MicroProfile Config through {@link dev.figmascim.bridge.source.figma.FigmaClientSettings}.
 */
package dev.figmascim.bridge.source.figma;
