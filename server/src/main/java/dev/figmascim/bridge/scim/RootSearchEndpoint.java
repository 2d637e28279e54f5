package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /.search} (RFC 7644 §3.4.3): one search over Users, then Groups, paged as one list. A
 * filter naming an attribute only one resource type has matches only resources of that type; a filter
 * valid for neither is {@code invalidFilter}.
 */
@ApplicationScoped
@Path(".search")
public class RootSearchEndpoint {

    private final MemberRepository members;
    private final TeamRepository teams;
    private final ScimRequests requests;

    @Inject
    RootSearchEndpoint(MemberRepository members, TeamRepository teams, ScimRequests requests) {
        this.members = members;
        this.teams = teams;
        this.requests = requests;
    }

    @POST
    @Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
    @Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
    public ObjectNode search(String body, @Context UriInfo uri) {
        ListRequest request = requests.fromSearchBody(body);
        String base = ScimRequests.baseUrl(uri);
        Projection users = Projection.of(request.attributes(), request.excludedAttributes(), ScimUrns.USER, UsersEndpoint.EXTENSIONS);
        Projection groups = Projection.of(request.attributes(), request.excludedAttributes(), ScimUrns.GROUP, GroupsEndpoint.EXTENSIONS);

        // First count both types, so the window can be placed across them.
        ListRequest countOnly = new ListRequest(request.filter(), null, false, 1, 0, null, null);
        ScimException userError = null;
        ScimException groupError = null;
        long userTotal = 0;
        long groupTotal = 0;
        try {
            userTotal = members.find(countOnly, false).total();
        } catch (ScimException e) {
            userError = e;
        }
        try {
            groupTotal = teams.find(countOnly, false).total();
        } catch (ScimException e) {
            groupError = e;
        }
        if (userError != null && groupError != null) {
            throw userError;
        }

        List<ObjectNode> page = new ArrayList<>();
        int start = request.startIndex();
        int wanted = request.count();
        if (wanted > 0 && start <= userTotal) {
            ListRequest userPage = new ListRequest(request.filter(), null, false, start, wanted, null, null);
            members.find(userPage, users.wants(ScimUrns.USER, "groups")).resources().forEach(l ->
                    page.add(users.apply(UserRepresentation.withTeams(l.member(), l.memberships(), base), ScimUrns.USER)));
        }
        int remaining = wanted - page.size();
        if (remaining > 0 && groupTotal > 0) {
            int groupStart = (int) Math.max(1, start - userTotal);
            ListRequest groupPage = new ListRequest(request.filter(), null, false, groupStart, remaining, null, null);
            boolean withMembers = groups.wants(ScimUrns.GROUP, "members");
            teams.find(groupPage, withMembers).resources().forEach(l ->
                    page.add(groups.apply(GroupRepresentation.of(l.team(), l.memberships(), base), ScimUrns.GROUP)));
        }
        return ListResponses.of(userTotal + groupTotal, start, page);
    }
}
