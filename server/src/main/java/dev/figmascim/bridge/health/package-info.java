/**
 * Health: readiness of the store (reachable, every migration applied) and, when {@code figma.api.token} is set,
 * of Figma's REST API token ({@code figma-api}, cached for a minute).
 */
package dev.figmascim.bridge.health;
