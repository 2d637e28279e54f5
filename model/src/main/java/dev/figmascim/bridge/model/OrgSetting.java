package dev.figmascim.bridge.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One organisation security setting (SSO mode, MFA requirement, domains ...), with the source that
 * last said it and when. A setting no source has reported has no row: it reads as "unknown".
 */
@Entity
@Table(name = "org_setting")
public class OrgSetting {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "setting_key", nullable = false, updatable = false)
    private OrgSettingKey key;

    @Column(name = "setting_value", nullable = false)
    private String value;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    private Source source;

    @Column(name = "confirmed_at", nullable = false)
    private Instant confirmedAt;

    /** For JPA only. */
    protected OrgSetting() {
    }

    public OrgSetting(OrgSettingKey key, String value, Source source, Instant confirmedAt) {
        this.key = Objects.requireNonNull(key, "key");
        confirm(value, source, confirmedAt);
    }

    /** Records that {@code source} reported {@code value} at {@code at}. */
    public void confirm(String value, Source source, Instant at) {
        this.value = Objects.requireNonNull(value, "value");
        this.source = Objects.requireNonNull(source, "source");
        this.confirmedAt = Objects.requireNonNull(at, "at");
    }

    public OrgSettingKey getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public Source getSource() {
        return source;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }
}
