/**
 * Differential tests of the SCIM query engine: a seeded, adversarial organisation is stored on H2 and
 * on PostgreSQL, and every case of a generated corpus (filter × sortBy × paging window) is answered
 * twice, by {@code ResourceQuery} in the database and by an independent in-memory reference that
 * parses the filter itself (RFC 7644 §3.4.2.2 grammar) and evaluates it on the SCIM JSON of each
 * resource, following docs/scim-mapping.md. Totals and the exact ordered page of ids must agree.
 */
package dev.figmascim.bridge.scim.differential;
