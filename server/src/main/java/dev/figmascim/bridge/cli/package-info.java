/**
 * The command line: one picocli entry point with {@code serve} (the default), {@code token} and
 * {@code migrate}. Results go to standard output alone, messages to standard error, so scripts can
 * capture what they need; failures exit non-zero with a one-line message.
 */
package dev.figmascim.bridge.cli;
