package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Source;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A snapshot reporting a fixed list of anything (members, teams, groupings, settings) and maybe a cursor. */
class ScriptedSnapshot implements Snapshot {

    private final Source source;
    private final List<Incoming> items;
    private boolean groupings;
    private boolean teams;
    private CursorAdvance cursor;

    ScriptedSnapshot(Source source, Incoming... items) {
        this.source = source;
        this.items = List.of(items);
    }

    ScriptedSnapshot reportingGroupings() {
        this.groupings = true;
        return this;
    }

    ScriptedSnapshot reportingTeams() {
        this.teams = true;
        return this;
    }

    ScriptedSnapshot movingCursor(String from, String to) {
        this.cursor = new CursorAdvance(source, from, to);
        return this;
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public boolean reportsTeams() {
        return teams;
    }

    @Override
    public boolean reportsGroupings() {
        return groupings;
    }

    @Override
    public void forEach(Consumer<IncomingMember> sink) {
        items.stream().filter(IncomingMember.class::isInstance).map(IncomingMember.class::cast).forEach(sink);
    }

    @Override
    public void forEachIncoming(Consumer<? super Incoming> sink) {
        items.forEach(sink);
    }

    @Override
    public Optional<CursorAdvance> cursor() {
        return Optional.ofNullable(cursor);
    }
}
