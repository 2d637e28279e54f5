-- The bridge's store. Portable SQL: every statement runs unchanged on H2 2.x and PostgreSQL 15.
-- Hibernate validates this schema at start-up and never generates it.

create table member (
    id                  uuid primary key,
    figma_user_id       varchar(64),
    email               varchar(320) not null,
    email_lower         varchar(320) not null,
    name                varchar(512),
    given_name          varchar(256),
    family_name         varchar(256),
    title               varchar(512),
    external_id         varchar(512),
    org_role            varchar(16)  not null,
    seat_type           varchar(16)  not null,
    status              varchar(16)  not null,
    figma_admin         boolean      not null,
    employee_number     varchar(128),
    cost_center         varchar(256),
    organization        varchar(256),
    division            varchar(256),
    department          varchar(256),
    manager_email       varchar(320),
    manager_id          varchar(64),
    workspace           varchar(256),
    billing_group       varchar(256),
    date_added          timestamp with time zone,
    date_upgraded       timestamp with time zone,
    last_edit_at        timestamp with time zone,
    last_active_at      timestamp with time zone,
    last_sign_in_at     timestamp with time zone,
    managed_by_idp      boolean      not null,
    csv_seen_at         timestamp with time zone,
    figma_scim_seen_at  timestamp with time zone,
    activity_seen_at    timestamp with time zone,
    created_at          timestamp with time zone not null,
    last_modified       timestamp with time zone not null,
    version             bigint       not null,
    constraint uq_member_email unique (email_lower),
    constraint uq_member_figma_user_id unique (figma_user_id)
);
create index ix_member_external_id on member (external_id);
create index ix_member_last_modified on member (last_modified, id);
create index ix_member_status on member (status);
create index ix_member_seat_type on member (seat_type);
create index ix_member_name on member (name);

create table team (
    id              uuid primary key,
    figma_team_id   varchar(64),
    name            varchar(512) not null,
    name_lower      varchar(512) not null,
    kind            varchar(16)  not null,
    created_at      timestamp with time zone not null,
    last_modified   timestamp with time zone not null,
    version         bigint       not null,
    constraint uq_team_kind_name unique (kind, name_lower),
    constraint uq_team_figma_team_id unique (figma_team_id)
);
create index ix_team_name on team (name_lower);
create index ix_team_last_modified on team (last_modified, id);

create table team_membership (
    id          uuid primary key,
    member_id   uuid        not null references member (id),
    team_id     uuid        not null references team (id),
    role        varchar(16) not null,
    constraint uq_team_membership unique (member_id, team_id)
);
create index ix_team_membership_team on team_membership (team_id, member_id);

create table org_setting (
    setting_key     varchar(64) primary key,
    setting_value   varchar(2048) not null,
    source          varchar(32)   not null,
    confirmed_at    timestamp with time zone not null
);

create table reconciliation_run (
    id              uuid primary key,
    source          varchar(32)  not null,
    file_name       varchar(1024),
    file_sha256     varchar(64),
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    status          varchar(16)  not null,
    dry_run         boolean      not null,
    added_count     integer      not null,
    updated_count   integer      not null,
    removed_count   integer      not null,
    unchanged_count integer      not null,
    error           varchar(8000)
);
create index ix_reconciliation_run_started on reconciliation_run (started_at, id);

create sequence change_event_seq start with 1 increment by 50;

create table change_event (
    id           bigint primary key,
    run_id       uuid          not null references reconciliation_run (id),
    entity_type  varchar(16)   not null,
    entity_id    uuid,
    entity_key   varchar(512),
    field        varchar(64)   not null,
    old_value    varchar(4000),
    new_value    varchar(4000),
    occurred_at  timestamp with time zone not null
);
create index ix_change_event_occurred on change_event (occurred_at, id);
create index ix_change_event_entity on change_event (entity_id, id);
create index ix_change_event_run on change_event (run_id, id);

create table source_cursor (
    source          varchar(32) primary key,
    cursor_value    varchar(1024) not null,
    run_id          uuid references reconciliation_run (id),
    updated_at      timestamp with time zone not null
);

create table api_token (
    id              uuid primary key,
    name            varchar(128) not null,
    token_hash      varchar(64)  not null,
    scopes          varchar(256) not null,
    created_at      timestamp with time zone not null,
    last_used_at    timestamp with time zone,
    revoked_at      timestamp with time zone,
    constraint uq_api_token_name unique (name),
    constraint uq_api_token_hash unique (token_hash)
);
