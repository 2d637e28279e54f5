package dev.figmascim.bridge.scim;

import org.apache.directory.scim.spec.annotation.ScimAttribute;
import org.apache.directory.scim.spec.annotation.ScimExtensionType;
import org.apache.directory.scim.spec.resources.ScimExtension;
import org.apache.directory.scim.spec.schema.Schema.Attribute.Mutability;

import java.io.Serializable;
import java.util.List;

/** Declares the bridge's Group extension for SCIMple's schema registry; never instantiated. */
@ScimExtensionType(id = ScimUrns.BRIDGE_GROUP, name = "FigmaTeam",
        description = "What kind of Figma grouping a Group is, and each member's role in it.")
final class BridgeGroupExtensionSchema implements ScimExtension {

    private static final long serialVersionUID = 1L;

    @ScimAttribute(mutability = Mutability.READ_ONLY, canonicalValueList = {"Team", "Workspace", "BillingGroup"},
            description = "A Figma team, or an Enterprise workspace or billing group.")
    private String kind;

    @ScimAttribute(mutability = Mutability.READ_ONLY, caseExact = true, description = "Figma's team id, when a source gave it.")
    private String figmaTeamId;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "Each member with the role held in this team.")
    private List<MemberRole> memberRoles;

    @Override
    public String getUrn() {
        return ScimUrns.BRIDGE_GROUP;
    }

    /** A member of the team and the role held there. */
    static final class MemberRole implements Serializable {
        private static final long serialVersionUID = 1L;

        @ScimAttribute(mutability = Mutability.READ_ONLY, caseExact = true, description = "The User id.")
        private String value;

        @ScimAttribute(mutability = Mutability.READ_ONLY, description = "The member's display name.")
        private String display;

        @ScimAttribute(mutability = Mutability.READ_ONLY, canonicalValueList = {"Owner", "Admin", "Editor", "Viewer", "Unknown"},
                description = "The member's role in the team.")
        private String role;
    }
}
