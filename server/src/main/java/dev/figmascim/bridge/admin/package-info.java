/** The admin REST API at {@code /admin/v1}; every call needs a token with the {@code admin} scope. */
package dev.figmascim.bridge.admin;
