package dev.figmascim.bridge.scim;

import org.apache.directory.scim.spec.annotation.ScimAttribute;
import org.apache.directory.scim.spec.annotation.ScimExtensionType;
import org.apache.directory.scim.spec.resources.ScimExtension;
import org.apache.directory.scim.spec.schema.Schema.Attribute.Mutability;

/** Declares Figma's own User extension for SCIMple's schema registry; never instantiated. */
@ScimExtensionType(id = ScimUrns.FIGMA_USER, name = "FigmaEnterpriseUser",
        description = "Figma's SCIM User extension: whether the user is a Figma organisation admin.")
final class FigmaUserExtensionSchema implements ScimExtension {

    private static final long serialVersionUID = 1L;

    @ScimAttribute(mutability = Mutability.READ_ONLY, description = "Whether the user is an admin of the Figma organisation.")
    private Boolean figmaAdmin;

    @Override
    public String getUrn() {
        return ScimUrns.FIGMA_USER;
    }
}
