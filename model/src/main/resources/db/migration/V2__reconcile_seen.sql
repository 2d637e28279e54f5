-- Members reported by the reconciliation in progress. Only one run holds the reconciliation lock at
-- a time, and it empties this table before and after itself, inside its own transaction: a complete
-- snapshot's "who vanished" becomes one anti-join in the database instead of a set held in memory.
create table reconcile_seen (
    member_id uuid primary key
);
