package dev.figmascim.bridge.security;

import dev.figmascim.bridge.model.ApiToken;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.Test;

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
    void scopesParseStrictly() {
        assertEquals(EnumSet.allOf(Scope.class), Scope.parseList(" scim:read , ADMIN "));
        assertEquals("scim:read,admin", Scope.toList(EnumSet.allOf(Scope.class)));
        assertEquals(EnumSet.allOf(Scope.class), Scope.parseList(Scope.toList(EnumSet.allOf(Scope.class))));
        assertThrows(IllegalArgumentException.class, () -> Scope.parseList("root"));
        assertThrows(IllegalArgumentException.class, () -> Scope.parseList(" , "));
    }
}
