package dev.figmascim.bridge.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.figmascim.bridge.model.ApiToken;
import dev.figmascim.bridge.store.Store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, lists, revokes and checks API tokens. A token is {@code fsb_} followed by 32 random bytes
 * (base64url); only its SHA-256 hash is stored. Checking hashes the presented token and looks the hash
 * up by its unique index: the database never sees a secret, and because an attacker cannot choose the
 * hash's prefix, the index look-up leaks nothing usable; the final comparison is constant-time anyway.
 *
 * <p>A token that checked out is remembered, by its hash, for {@code cacheTtl} (default 10 s), so a
 * client's requests do not each cost a database round trip. That is the revocation latency: a token
 * revoked through this instance stops working at once, one revoked elsewhere (another replica, the
 * CLI) within {@code cacheTtl}. Unknown or revoked tokens are never remembered.
 */
public final class ApiTokens {

    /** Tokens start with this, so secret scanners can recognise a leaked one. */
    public static final String PREFIX = "fsb_";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    /** How long a checked token is trusted without asking the store again, unless configured. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(10);
    /** Far more valid tokens than any organisation has; only valid tokens get in. */
    private static final int MAX_CACHED = 10_000;

    private final Store store;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Verified> verified;

    /** A token that checked out: what a request needs, keyed by the token's hash. */
    private record Verified(UUID id, String tokenHash, Set<Scope> scopes, Instant lastUsedAt) {
    }

    public ApiTokens(Store store) {
        this(store, DEFAULT_CACHE_TTL);
    }

    /** @param cacheTtl how long a checked token is trusted before the store is asked again; zero: always ask */
    public ApiTokens(Store store, Duration cacheTtl) {
        this.store = store;
        this.verified = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(cacheTtl.isZero() ? 0 : MAX_CACHED).build();
    }

    /** A newly made token: the secret, shown once, and what is stored about it. */
    public record Created(String secret, TokenInfo info) {
        @Override
        public String toString() {
            return "Created[" + info + "]";
        }
    }

    /** What may be shown about a token: everything but the secret. */
    public record TokenInfo(String id, String name, Set<Scope> scopes, Instant createdAt, Instant lastUsedAt,
                            Instant revokedAt) {
        static TokenInfo of(ApiToken t) {
            return new TokenInfo(t.id().toString(), t.getName(), Scope.parseList(t.getScopes()), t.getCreatedAt(),
                    t.getLastUsedAt(), t.getRevokedAt());
        }
    }

    /** Creates a token named {@code name} with {@code scopes}; the name must be unused. */
    public Created create(String name, Set<Scope> scopes) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Created(secret, register(name, secret, scopes));
    }

    /**
     * Ensures the token {@code name} has the secret and scopes chosen by the operator (the bootstrap token):
     * created if absent; if it exists with another secret, other scopes or revoked, it is replaced by one
     * with these, so an automated deployment that rotates its secret is not locked out, and the old secret
     * stops working.
     * Nothing is written when it already matches (every start of every replica).
     */
    public void ensure(String name, String secret, Set<Scope> scopes) {
        String hash = sha256(secret);
        String scopeList = Scope.toList(scopes);
        boolean matches = store.inTransaction(em -> {
            List<ApiToken> found = em.createQuery("select t from ApiToken t where t.name = :n", ApiToken.class)
                    .setParameter("n", name).getResultList();
            if (found.stream().anyMatch(t -> t.getTokenHash().equals(hash) && t.getScopes().equals(scopeList) && !t.isRevoked())) {
                return true;
            }
            // A token row is immutable (its hash and scopes are what was issued): the replaced one goes.
            found.forEach(em::remove);
            em.flush();
            return false;
        });
        if (!matches) {
            register(name, secret, scopes);
        }
        // A replaced secret must stop working here at once, not after the cache's TTL.
        verified.invalidateAll();
    }

    private TokenInfo register(String name, String secret, Set<Scope> scopes) {
        if (name == null || name.isBlank() || name.length() > 128) {
            throw new IllegalArgumentException("a token name of 1 to 128 characters is needed");
        }
        return store.inTransaction(em -> {
            boolean taken = !em.createQuery("select t.id from ApiToken t where t.name = :n")
                    .setParameter("n", name).getResultList().isEmpty();
            if (taken) {
                throw new IllegalArgumentException("a token named '" + name + "' exists already");
            }
            // At the store's precision, so the answer to the create shows what every later read shows.
            ApiToken token = new ApiToken(name, sha256(secret), Scope.toList(scopes), Instant.now().truncatedTo(ChronoUnit.MICROS));
            em.persist(token);
            return TokenInfo.of(token);
        });
    }

    /** Every token, newest first, without secrets. */
    public List<TokenInfo> list() {
        return store.read(em -> em.createQuery("select t from ApiToken t order by t.createdAt desc, t.name", ApiToken.class)
                .getResultList().stream().map(TokenInfo::of).toList());
    }

    /** Revokes the token with this name or id; false if there is none. Takes effect on this instance at once. */
    public boolean revoke(String nameOrId) {
        boolean revoked = store.inTransaction(em -> {
            List<ApiToken> found = em.createQuery("select t from ApiToken t where t.name = :n or cast(t.id as String) = :n",
                    ApiToken.class).setParameter("n", nameOrId).getResultList();
            found.forEach(t -> t.revoke(Instant.now().truncatedTo(ChronoUnit.MICROS)));
            return !found.isEmpty();
        });
        // After the commit. A request that read the token just before it may still remember it, for at
        // most cacheTtl: the same bound as for a revocation on another replica.
        verified.invalidateAll();
        return revoked;
    }

    /**
     * The scopes of a valid, unrevoked token, or empty. Records when it was last used, to the minute.
     * See the class comment for how long a revocation elsewhere takes to be seen.
     */
    public Optional<Set<Scope>> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Optional.empty();
        }
        String hash = sha256(presented);
        Verified token = verified.getIfPresent(hash);
        if (token == null) {
            Optional<Verified> found = lookUp(hash);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            token = found.get();
            verified.put(hash, token);
        }
        if (!MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), token.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Instant last = token.lastUsedAt();
        if (last == null || last.plus(LAST_USED_PRECISION).isBefore(now)) {
            // Only the request that swaps the remembered entry writes, not every one arriving meanwhile.
            Verified used = new Verified(token.id(), token.tokenHash(), token.scopes(), now);
            if (verified.asMap().replace(hash, token, used) || verified.getIfPresent(hash) == null) {
                UUID id = token.id();
                store.run(em -> em.find(ApiToken.class, id).markUsed(now));
            }
        }
        return Optional.of(token.scopes());
    }

    private Optional<Verified> lookUp(String hash) {
        return store.read(em -> em.createQuery("select t from ApiToken t where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", hash).getResultList().stream().findFirst()
                .filter(t -> !t.isRevoked())
                .map(t -> new Verified(t.id(), t.getTokenHash(), Scope.parseList(t.getScopes()), t.getLastUsedAt())));
    }

    static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
