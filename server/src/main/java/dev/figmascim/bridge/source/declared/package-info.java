/**
 * The admin's own statement of the organisation settings no Figma API reports completely (SSO mode, MFA
 * requirement, verified domains, domain capture, guest invite policy), read from a properties file at start and
 * reconciled as source DECLARED: a declared value never overrides a newer observed one (docs/activity-log.md).
 */
package dev.figmascim.bridge.source.declared;
