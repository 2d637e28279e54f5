/**
 * A small Arquillian managed-container adapter: it starts the packaged
 * {@code server/target/figma-scim-bridge.jar} as a real process on a free port, waits until it is
 * ready and hands the tests its URL. Helidon's own Arquillian container is not available here, and
 * running the real jar also tests the packaging.
 */
package dev.figmascim.bridge.it.container;
