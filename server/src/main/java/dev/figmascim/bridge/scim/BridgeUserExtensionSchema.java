package dev.figmascim.bridge.scim;

import org.apache.directory.scim.spec.annotation.ScimAttribute;
import org.apache.directory.scim.spec.annotation.ScimExtensionType;
import org.apache.directory.scim.spec.resources.ScimExtension;
import org.apache.directory.scim.spec.schema.Schema.Attribute.Mutability;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Declares the bridge's User extension for SCIMple's schema registry; never instantiated. */
@ScimExtensionType(id = ScimUrns.BRIDGE_USER, name = "FigmaMember",
        description = "What the bridge knows of a Figma member beyond core SCIM: role, seat, status, activity, teams and sources.")
final class BridgeUserExtensionSchema implements ScimExtension {

    private static final long serialVersionUID = 1L;

    @ScimAttribute(mutability = Mutability.READ_ONLY, canonicalValueList = {"Admin", "Member", "Guest"},
            description = "Role in the Figma organisation.")
    private String orgRole;

    @ScimAttribute(mutability = Mutability.READ_ONLY,
            canonicalValueList = {"Full", "Dev", "Collab", "View", "Starter", "Restricted", "Unknown"},
            description = "The member's seat; Starter and Restricted are legacy account types.")
    private String seatType;

    @ScimAttribute(mutability = Mutability.READ_ONLY, canonicalValueList = {"Active", "Invited", "Removed"},
            description = "Membership status; Removed members are kept with active=false.")
    private String status;

    @ScimAttribute(mutability = Mutability.READ_ONLY, caseExact = true, description = "Figma's user id, when a source gave it.")
    private String figmaUserId;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "When the member joined the organisation.")
    private Instant dateAdded;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "When the member's seat was last upgraded.")
    private Instant dateUpgraded;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "The member's last edit in a file.")
    private Instant lastEditAt;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "The member's last action of any kind (not a login).")
    private Instant lastActiveAt;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "The member's last explicit sign-in seen in the activity log.")
    private Instant lastSignInAt;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "Whether Figma's SCIM API lists the member (provisioned by the IdP).")
    private Boolean managedByIdp;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "Enterprise workspace.")
    private String workspace;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "Enterprise billing group.")
    private String billingGroup;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "The manager's e-mail as the sources gave it.")
    private String managerEmail;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "Teams with the member's role in each.")
    private List<TeamRole> teams;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "Which sources reported the member, and when last.")
    private List<SourceSeen> sources;

    @Override
    public String getUrn() {
        return ScimUrns.BRIDGE_USER;
    }

    /** A team of the member and the role held there. */
    static final class TeamRole implements Serializable {
        private static final long serialVersionUID = 1L;

        @ScimAttribute(mutability = Mutability.READ_ONLY, caseExact = true, description = "The Group id of the team.")
        private String value;

        @ScimAttribute(mutability = Mutability.READ_ONLY, description = "The team's name.")
        private String display;

        @ScimAttribute(mutability = Mutability.READ_ONLY, canonicalValueList = {"Owner", "Admin", "Editor", "Viewer", "Unknown"},
                description = "The member's role in the team.")
        private String role;
    }

    /** A source that reported the member. */
    static final class SourceSeen implements Serializable {
        private static final long serialVersionUID = 1L;

        @ScimAttribute(mutability = Mutability.READ_ONLY, canonicalValueList = {"Csv", "FigmaScim", "ActivityLog", "Demo"},
                description = "The source.")
        private String name;

        @ScimAttribute(mutability = Mutability.READ_ONLY, description = "When the source last reported the member.")
        private Instant lastSeenAt;
    }
}
