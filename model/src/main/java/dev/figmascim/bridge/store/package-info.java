/**
 * Opening the store: a HikariCP pool, Flyway migrations, and a resource-local Hibernate
 * {@code EntityManagerFactory} that the server and the CLI share, with one transaction per unit of work.
 */
package dev.figmascim.bridge.store;
