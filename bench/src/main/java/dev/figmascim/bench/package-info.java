/** Deterministic generators of Figma-like data for the benchmarks in {@code bench/}. */
package dev.figmascim.bench;
