package dev.figmascim.bridge.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (or "development" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"figma-scim-bridge " + (version == null ? "development" : version)};
    }
}
