/**
 * The bridge's store: JPA entities and the enums they use. The schema itself lives in the Flyway
 * migrations under {@code db/migration}; nothing here knows about HTTP, SCIM or a particular source.
 */
package dev.figmascim.bridge.model;
