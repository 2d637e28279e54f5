package dev.figmascim.bridge.security;

import dev.figmascim.bridge.model.ApiToken;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiTokensTest {

    @Test
    void tokensAreStoredHashedCheckedAndRevocable() {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings())) {
            ApiTokens tokens = new ApiTokens(store);
            ApiTokens.Created created = tokens.create("okta", EnumSet.of(Scope.SCIM_READ));
            assertTrue(created.secret().startsWith(ApiTokens.PREFIX));
            assertFalse(created.toString().contains(created.secret()), "toString never shows the secret");

            List<ApiToken> rows = store.read(em -> em.createQuery("select t from ApiToken t", ApiToken.class).getResultList());
            assertEquals(1, rows.size());
            assertNotEquals(created.secret(), rows.get(0).getTokenHash());
            assertEquals(ApiTokens.sha256(created.secret()), rows.get(0).getTokenHash());

            assertEquals(Set.of(Scope.SCIM_READ), tokens.authenticate(created.secret()).orElseThrow());
            assertTrue(tokens.authenticate(created.secret() + "x").isEmpty());
            assertTrue(tokens.authenticate("").isEmpty());
            assertTrue(tokens.authenticate(null).isEmpty());
            assertTrue(tokens.list().get(0).lastUsedAt() != null, "use is recorded");

            assertThrows(IllegalArgumentException.class, () -> tokens.create("okta", EnumSet.of(Scope.ADMIN)));
            assertTrue(tokens.revoke("okta"));
            assertTrue(tokens.authenticate(created.secret()).isEmpty());
            assertFalse(tokens.revoke("nope"));
        }
    }

    @Test
    void theBootstrapTokenFollowsItsConfiguredSecretAndIsNotRewrittenWhenItMatches() {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings())) {
            ApiTokens tokens = new ApiTokens(store);
            String first = ApiTokens.PREFIX + "first-secret-of-the-deployment-000000000000";
            String rotated = ApiTokens.PREFIX + "rotated-secret-of-the-deployment-11111111111";
            tokens.ensure("bootstrap", first, EnumSet.allOf(Scope.class));
            assertEquals(EnumSet.allOf(Scope.class), tokens.authenticate(first).orElseThrow());
            ApiToken created = store.read(em -> em.createQuery("select t from ApiToken t", ApiToken.class).getSingleResult());

            // Another start with the same secret: nothing is written.
            tokens.ensure("bootstrap", first, EnumSet.allOf(Scope.class));
            ApiToken again = store.read(em -> em.createQuery("select t from ApiToken t", ApiToken.class).getSingleResult());
            assertEquals(created.getCreatedAt(), again.getCreatedAt());
            assertEquals(created.getTokenHash(), again.getTokenHash());

            // The deployment rotates its secret: the new one works at once, the old one no longer.
            tokens.ensure("bootstrap", rotated, EnumSet.allOf(Scope.class));
            assertTrue(tokens.authenticate(rotated).isPresent());
            assertTrue(tokens.authenticate(first).isEmpty());

            // Revoked by hand while the configuration still names it: the next start makes it valid again.
            assertTrue(tokens.revoke("bootstrap"));
            tokens.ensure("bootstrap", rotated, EnumSet.allOf(Scope.class));
            assertTrue(tokens.authenticate(rotated).isPresent());
            assertEquals(1, tokens.list().size(), "still one token of that name");
        }
    }

    @Test
    void aCheckedTokenIsTrustedForTheCacheTtlAndARevocationHereEndsItAtOnce() throws InterruptedException {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings())) {
            Duration ttl = Duration.ofMillis(400);
            ApiTokens server = new ApiTokens(store, ttl);
            ApiTokens cli = new ApiTokens(store, Duration.ZERO);
            ApiTokens.Created okta = server.create("okta", EnumSet.of(Scope.SCIM_READ));
            ApiTokens.Created entra = server.create("entra", EnumSet.of(Scope.SCIM_READ));
            assertTrue(server.authenticate(okta.secret()).isPresent());
            assertTrue(server.authenticate(entra.secret()).isPresent());

            // Revoked elsewhere (another replica, the CLI): still trusted here for at most the TTL.
            assertTrue(cli.revoke("okta"));
            assertTrue(cli.authenticate(okta.secret()).isEmpty(), "an instance without cache sees it at once");
            assertTrue(server.authenticate(okta.secret()).isPresent(), "within the TTL the checked token is remembered");
            Thread.sleep(ttl.toMillis() + 200);
            assertTrue(server.authenticate(okta.secret()).isEmpty(), "after the TTL the store is asked again");

            // Revoked through this instance: refused on the next request.
            assertTrue(server.authenticate(entra.secret()).isPresent());
            assertTrue(server.revoke("entra"));
            assertTrue(server.authenticate(entra.secret()).isEmpty());
            assertTrue(server.authenticate(entra.secret() + "x").isEmpty(), "unknown tokens are never remembered as valid");
        }
    }

    @Test
    void scopesParseStrictly() {
        assertEquals(EnumSet.allOf(Scope.class), Scope.parseList(" scim:read , ADMIN "));
        assertEquals("scim:read,admin", Scope.toList(EnumSet.allOf(Scope.class)));
        assertEquals(EnumSet.allOf(Scope.class), Scope.parseList(Scope.toList(EnumSet.allOf(Scope.class))));
        assertThrows(IllegalArgumentException.class, () -> Scope.parseList("root"));
        assertThrows(IllegalArgumentException.class, () -> Scope.parseList(" , "));
    }
}
