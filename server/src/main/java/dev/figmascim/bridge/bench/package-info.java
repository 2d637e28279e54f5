/**
 * Endpoints the benchmarks in {@code bench/} compare the SCIM facade with, mounted at {@code /bench/v1}
 * only when {@code bridge.bench.enabled=true} (never in production): a bare primary-key JSON endpoint,
 * and SCIMple's in-memory filtering of every user, as SCIMple's example servers do.
 */
package dev.figmascim.bridge.bench;
