/**
 * Authentication: bearer API tokens with scopes, stored as SHA-256 hashes, and the request filter that
 * guards {@code /scim} and {@code /admin}. No token or hash is ever logged or echoed.
 */
package dev.figmascim.bridge.security;
