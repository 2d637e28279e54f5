/**
 * The read-only SCIM 2.0 service provider (RFC 7643/7644) at {@code /scim/v2}: endpoints doing
 * protocol work only, repositories doing the data access, representations mapping the store to SCIM
 * resources, and one place that refuses every write. SCIMple supplies the filter parser and the schema
 * model behind {@code /Schemas} and {@code /ResourceTypes}.
 */
package dev.figmascim.bridge.scim;
