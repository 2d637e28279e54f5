/** Readiness: the store is reachable and every migration is applied. */
package dev.figmascim.bridge.health;
