-- A CSV rerun recognises an unchanged row without loading its member (docs/reconciliation.md,
-- "Unchanged rows"): each member keeps the digest of the CSV row it was last reconciled from and its own
-- version right after that run. Portable: H2 2.x and PostgreSQL 15.
alter table member add column csv_row_hash varchar(32);
alter table member add column csv_row_version bigint;
