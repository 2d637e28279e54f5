-- Managers named by Figma's SCIM id, waiting for the end of the run that reported them. Figma's SCIM
-- gives a user's manager as the manager's SCIM id (RFC 7643 §4.3 manager.value), and the manager may
-- come later in the pull than the user. Like reconcile_seen, these are scratch rows of the one run
-- that holds the reconciliation lock, emptied before and after it inside its own transaction, so the
-- ids are resolved by one join in the database instead of a map of every user held in memory.
-- counted_unchanged: the run counted the member as unchanged, so a manager found at the end makes it
-- an updated one in the run's counts.
create table reconcile_manager_ref (
    member_id             uuid primary key,
    manager_figma_user_id varchar(64) not null,
    counted_unchanged     boolean     not null
);
