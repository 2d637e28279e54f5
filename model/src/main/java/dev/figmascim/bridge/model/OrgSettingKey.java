package dev.figmascim.bridge.model;

/** The organisation-level security settings the bridge tracks. */
public enum OrgSettingKey {
    SSO_MODE, MFA_REQUIRED, VERIFIED_DOMAINS, DOMAIN_CAPTURE, GUEST_INVITE_POLICY
}
