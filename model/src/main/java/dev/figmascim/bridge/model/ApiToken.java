package dev.figmascim.bridge.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A bearer token that may call the bridge. Only the SHA-256 hash of the secret is stored; the secret
 * itself is shown once, when the token is created, and never again.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    /** Comma-separated scope names, e.g. {@code scim:read,admin}. */
    @Column(name = "scopes", nullable = false, updatable = false)
    private String scopes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** For JPA only. */
    protected ApiToken() {
    }

    public ApiToken(String name, String tokenHash, String scopes, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = requireText(name, "name");
        this.tokenHash = requireText(tokenHash, "tokenHash");
        if (tokenHash.length() != 64) {
            throw new IllegalArgumentException("tokenHash must be a hex SHA-256");
        }
        this.scopes = requireText(scopes, "scopes");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    public void markUsed(Instant at) {
        this.lastUsedAt = at;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            this.revokedAt = at;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public UUID id() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public String getScopes() {
        return scopes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
