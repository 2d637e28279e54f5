-- A member's status has three values and nine in ten members are ACTIVE: the index never narrowed a
-- query on PostgreSQL, and H2 preferred it to the e-mail index for `active eq true ... sortBy userName`,
-- reading and sorting 90 000 rows for a page of 100 (docs/BENCHMARKS.md, SCIM on H2).
drop index ix_member_status;
