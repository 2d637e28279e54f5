package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.store.Store;

import java.util.Map;
import java.util.stream.Collectors;

/** The queries the engine's tests (here and in the sources' packages) check a store with. */
public final class StoreQueries {

    private StoreQueries() {
    }

    /** The member with this lower-cased e-mail, or null. */
    public static Member member(Store store, String email) {
        return store.read(em -> em.createQuery("select m from Member m where m.emailLower = :e", Member.class)
                .setParameter("e", email).getResultList().stream().findFirst().orElse(null));
    }

    /** The member's teams (of every kind) by name, with its role in each. */
    public static Map<String, TeamRole> teamsOf(Store store, String email) {
        return store.read(em -> em.createQuery("select tm from TeamMembership tm join fetch tm.team where tm.member.emailLower = :e",
                        TeamMembership.class).setParameter("e", email).getResultList())
                .stream().collect(Collectors.toMap(tm -> tm.getTeam().getName(), TeamMembership::getRole));
    }

    /** The team with exactly this name, or null. */
    public static Team team(Store store, String name) {
        return store.read(em -> em.createQuery("select t from Team t where t.name = :n", Team.class).setParameter("n", name)
                .getResultList().stream().findFirst().orElse(null));
    }

    /** How many change events the store holds. */
    public static long events(Store store) {
        return store.read(em -> em.createQuery("select count(e) from ChangeEvent e", Long.class).getSingleResult());
    }
}
