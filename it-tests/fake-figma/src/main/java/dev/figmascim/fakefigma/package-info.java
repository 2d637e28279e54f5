/**
 * A fake Figma for tests and demos: Figma's SCIM API ({@code /scim/v2/{tenant}/Users|Groups|ServiceProviderConfig}),
 * the activity log ({@code /v1/activity_logs}) and {@code /v1/me}, speaking Figma's documented formats including
 * the quirks real tenants show, with fault injection (rate limits, 5xx bursts, slow and malformed responses, both
 * of Figma's error shapes) and a request log.
 *
 * <p>The public surface is {@link dev.figmascim.fakefigma.FakeFigma} (start, stop, URLs, request log),
 * {@link dev.figmascim.fakefigma.Faults}, {@link dev.figmascim.fakefigma.Scenario} and its parts, and
 * {@link dev.figmascim.fakefigma.FakeFigmaMain} for running it as a process. Request handling is package-private.
 * Built on the JDK's {@code com.sun.net.httpserver} only, so it shares no HTTP stack with the code under test.
 */
package dev.figmascim.fakefigma;
