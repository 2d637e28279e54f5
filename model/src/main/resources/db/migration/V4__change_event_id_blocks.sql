-- Change events are written in bulk by the reconciliation, which reserves their ids in blocks of 1000:
-- one nextval gives a block's first id (ChangeEvent.ID_BLOCK). Ids already handed out (blocks of 50)
-- stay below every later block.
alter sequence change_event_seq increment by 1000;
