package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.store.Store;

/**
 * The SCIM resources the facade would serve for a member or team, built by the facade's own repositories and
 * mappers: lets tests in other packages check what a SCIM client sees after a reconciliation without an HTTP server.
 */
public final class ScimView {

    private static final String BASE = "https://bridge.test/scim/v2/";

    private ScimView() {
    }

    /** The SCIM User of the member with this e-mail, or null. */
    public static ObjectNode user(Store store, String email) {
        Member m = store.read(em -> em.createQuery("select m from Member m where m.emailLower = :e", Member.class)
                .setParameter("e", Member.normalizeEmail(email)).getResultList().stream().findFirst().orElse(null));
        if (m == null) {
            return null;
        }
        return new MemberRepository(store).get(m.id().toString())
                .map(l -> UserRepresentation.withTeams(l.member(), l.memberships(), BASE)).orElse(null);
    }

    /** The SCIM Group of the team, workspace or billing group with this name, or null. */
    public static ObjectNode group(Store store, String name) {
        Team t = store.read(em -> em.createQuery("select t from Team t where t.name = :n", Team.class)
                .setParameter("n", name).getResultList().stream().findFirst().orElse(null));
        if (t == null) {
            return null;
        }
        return new TeamRepository(store).get(t.id().toString(), true)
                .map(l -> GroupRepresentation.of(l.team(), l.memberships(), BASE)).orElse(null);
    }
}
