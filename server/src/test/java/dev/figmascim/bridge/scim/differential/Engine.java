package dev.figmascim.bridge.scim.differential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.scim.ScimException;
import jakarta.persistence.EntityManager;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Function;

/**
 * The system under test, reached from this package: {@code ListRequest}, {@code ResourceQuery},
 * {@code UserAttributes}/{@code GroupAttributes} and the two representations are package-private in
 * {@code dev.figmascim.bridge.scim} (STYLE §2), so they are called reflectively here, in this one class,
 * exactly as {@code MemberRepository} and {@code TeamRepository} call them.
 */
final class Engine {

    private static final String PKG = "dev.figmascim.bridge.scim.";
    private static final Method LIST_REQUEST_OF;
    private static final Method FIND;
    private static final Method PAGE_RESOURCES;
    private static final Method PAGE_TOTAL;
    private static final Method USER_OF;
    private static final Method GROUP_OF;
    private static final Object USER_QUERY;
    private static final Object GROUP_QUERY;

    static {
        try {
            Class<?> listRequest = Class.forName(PKG + "ListRequest");
            LIST_REQUEST_OF = accessible(listRequest.getDeclaredMethod("of", String.class, String.class, String.class, String.class,
                    String.class, String.class, String.class, int.class, int.class));
            Class<?> resourceQuery = Class.forName(PKG + "ResourceQuery");
            Class<?> table = Class.forName("dev.figmascim.bridge.scim.filter.AttributeTable");
            Constructor<?> newQuery = resourceQuery.getDeclaredConstructor(table, String.class);
            newQuery.setAccessible(true);
            USER_QUERY = newQuery.newInstance(staticField(PKG + "UserAttributes", "TABLE"), "id");
            GROUP_QUERY = newQuery.newInstance(staticField(PKG + "GroupAttributes", "TABLE"), "id");
            FIND = accessible(resourceQuery.getDeclaredMethod("find", EntityManager.class, listRequest));
            Class<?> page = Class.forName(PKG + "ResourceQuery$Page");
            PAGE_RESOURCES = accessible(page.getDeclaredMethod("resources"));
            PAGE_TOTAL = accessible(page.getDeclaredMethod("total"));
            USER_OF = accessible(Class.forName(PKG + "UserRepresentation").getDeclaredMethod("of", Member.class, List.class, String.class));
            GROUP_OF = accessible(Class.forName(PKG + "GroupRepresentation").getDeclaredMethod("of", Team.class, List.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Base URL the representations are built with; no filterable attribute depends on it. */
    static final String BASE_URL = "https://bridge.test/scim/v2/";

    private Engine() {
    }

    /** The request parameters as a client sends them (strings, possibly absent), and the server's limits. */
    record Request(String filter, String sortBy, String sortOrder, String startIndex, String count, int defaultCount, int maxCount) {
    }

    /** Runs {@code request} on Users through the engine; the page as member ids, or the refusal. */
    static Outcome users(EntityManager em, Request request) {
        return run(em, USER_QUERY, request, r -> ((Member) r).id().toString());
    }

    /** Runs {@code request} on Groups through the engine; the page as team ids, or the refusal. */
    static Outcome groups(EntityManager em, Request request) {
        return run(em, GROUP_QUERY, request, r -> ((Team) r).id().toString());
    }

    static ObjectNode user(Member m, List<TeamMembership> memberships) {
        return (ObjectNode) invoke(USER_OF, null, m, memberships, BASE_URL);
    }

    static ObjectNode group(Team t, List<TeamMembership> memberships) {
        return (ObjectNode) invoke(GROUP_OF, null, t, memberships, BASE_URL);
    }

    private static Outcome run(EntityManager em, Object query, Request r, Function<Object, String> id) {
        try {
            Object listRequest = invoke(LIST_REQUEST_OF, null, r.filter(), r.sortBy(), r.sortOrder(), r.startIndex(), r.count(),
                    null, null, r.defaultCount(), r.maxCount());
            Object page = invoke(FIND, query, em, listRequest);
            List<?> resources = (List<?>) invoke(PAGE_RESOURCES, page);
            long total = (Long) invoke(PAGE_TOTAL, page);
            return Outcome.page(total, resources.stream().map(id).toList());
        } catch (ScimException e) {
            return Outcome.refused(e.status(), e.scimType(), e.getMessage());
        } catch (RuntimeException e) {
            // Anything but a ScimException would be a 500 for the client: always a disagreement.
            return Outcome.refused(500, "unexpected " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method accessible(Method m) {
        m.setAccessible(true);
        return m;
    }

    private static Object staticField(String className, String name) throws ReflectiveOperationException {
        Field f = Class.forName(className).getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }
}
