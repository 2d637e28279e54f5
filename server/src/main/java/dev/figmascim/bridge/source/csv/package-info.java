/**
 * Reads Figma's Admin Console member export (Members/People &rarr; Request CSV) into {@link
 * dev.figmascim.bridge.source.csv.MemberRow}s, and nothing else: it never writes to the store. The
 * reconciliation engine consumes the rows.
 *
 * <p>This package owns the header alias table ({@link dev.figmascim.bridge.source.csv.CsvField}), the
 * value vocabularies (roles, seats, team roles, date formats), the legacy per-product seat rule and the
 * two-pass read: pass 1 validates the whole file and collects {@code file:line:column: reason} errors,
 * pass 2 emits rows only when pass 1 found none, so a bad file is rejected as a whole and the engine
 * never sees half of it. Neither pass holds the rows in memory. The format is documented in
 * {@code docs/csv-format.md}; the facts behind it are in figma-domain.md §5 and §6.
 *
 * <p>Public: {@link dev.figmascim.bridge.source.csv.MemberCsvReader}, its result and row records and
 * {@code CsvField}. Everything else is package-private.
 */
package dev.figmascim.bridge.source.csv;
