/**
 * Configuration: every setting is a MicroProfile Config key with its default in
 * {@code META-INF/microprofile-config.properties}, overridable by environment variable
 * ({@code BRIDGE_DB_URL} for {@code bridge.db.url}, {@code SERVER_PORT} for {@code server.port}).
 */
package dev.figmascim.bridge.config;
