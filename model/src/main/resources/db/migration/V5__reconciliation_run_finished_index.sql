-- The SCIM facade reads the latest finished runs on each list request that needs a total (the store
-- generation its remembered totals are filed under, scim.StoreGeneration): an index keeps that a
-- short index scan however many runs accumulate. Portable: H2 2.x and PostgreSQL 15.
create index ix_reconciliation_run_finished on reconciliation_run (finished_at, id);
