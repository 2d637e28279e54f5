/**
 * SCIM filter → database query. SCIMple parses the RFC 7644 §3.4.2.2 filter text into an expression
 * tree; {@link dev.figmascim.bridge.scim.filter.FilterTranslator} turns that tree into one JPA Criteria
 * predicate over the store's entities, described by an {@link dev.figmascim.bridge.scim.filter.AttributeTable}.
 * No resource is ever filtered in memory.
 */
package dev.figmascim.bridge.scim.filter;
