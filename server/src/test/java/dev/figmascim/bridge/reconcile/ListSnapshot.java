package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Source;

import java.util.List;
import java.util.function.Consumer;

/** A snapshot from a list, for tests of sources other than the CSV. */
class ListSnapshot implements Snapshot {

    private final Source source;
    private final Scope scope;
    private final List<IncomingMember> members;

    ListSnapshot(Source source, Scope scope, List<IncomingMember> members) {
        this.source = source;
        this.scope = scope;
        this.members = members;
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public Scope completeness() {
        return scope;
    }

    @Override
    public boolean reportsTeams() {
        return members.stream().anyMatch(m -> m.teams() != null);
    }

    @Override
    public void forEach(Consumer<IncomingMember> sink) {
        members.forEach(sink);
    }
}
