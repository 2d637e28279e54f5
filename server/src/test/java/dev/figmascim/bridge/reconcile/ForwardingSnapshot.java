package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Source;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A snapshot that passes everything to another: a test overrides only what it intercepts. */
public abstract class ForwardingSnapshot implements Snapshot {

    protected final Snapshot delegate;

    protected ForwardingSnapshot(Snapshot delegate) {
        this.delegate = delegate;
    }

    @Override
    public Source source() {
        return delegate.source();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String sha256() {
        return delegate.sha256();
    }

    @Override
    public Scope completeness() {
        return delegate.completeness();
    }

    @Override
    public boolean reportsTeams() {
        return delegate.reportsTeams();
    }

    @Override
    public boolean membersDistinct() {
        return delegate.membersDistinct();
    }

    @Override
    public boolean reportsGroupings() {
        return delegate.reportsGroupings();
    }

    @Override
    public void forEach(Consumer<IncomingMember> sink) {
        delegate.forEach(sink);
    }

    @Override
    public void forEachIncoming(Consumer<? super Incoming> sink) {
        delegate.forEachIncoming(sink);
    }

    @Override
    public Optional<CursorAdvance> cursor() {
        return delegate.cursor();
    }

    @Override
    public List<String> warnings() {
        return delegate.warnings();
    }
}
