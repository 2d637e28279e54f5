-- bench/scim/data.sql for H2: the same 100k members, 20k teams and 200k memberships, with the same ids
-- (md5 of the same keys) and values, in H2's dialect (SYSTEM_RANGE, HASH, DATEADD, ARRAY_GET).
insert into member (id, figma_user_id, email, email_lower, name, given_name, family_name, title, external_id, org_role,
                    seat_type, status, figma_admin, department, managed_by_idp, created_at, last_modified, version, last_active_at)
select cast(hash('MD5', 'm' || x) as uuid), cast(1000000 + x as varchar), 'user' || x || '@example.com', 'user' || x || '@example.com',
       'First' || x || ' Last' || x, 'First' || x, 'Last' || x,
       array_get(array['Software engineer','Product designer','Senior engineer','Product manager','Data analyst',
              'QA engineer','Brand designer','Researcher','Marketing lead','IT admin'], 1 + mod(x, 10)),
       'ext-' || x, array_get(array['MEMBER','MEMBER','MEMBER','GUEST','ADMIN'], 1 + mod(x, 5)),
       array_get(array['FULL','DEV','COLLAB','VIEW'], 1 + mod(x, 4)), case when mod(x, 10) = 0 then 'REMOVED' else 'ACTIVE' end,
       mod(x, 50) = 0, 'Dept ' || mod(x, 20), mod(x, 3) <> 0,
       dateadd('MINUTE', -x, timestamp with time zone '2026-01-01 00:00:00+00'),
       dateadd('SECOND', x, timestamp with time zone '2026-06-01 00:00:00+00'), 0,
       dateadd('DAY', -mod(x, 700), timestamp with time zone '2026-11-30 00:00:00+00')
from system_range(1, 100000);
insert into team (id, figma_team_id, name, name_lower, kind, created_at, last_modified, version)
select cast(hash('MD5', 't' || x) as uuid), cast(9000000 + x as varchar), 'Team ' || x, 'team ' || x, 'TEAM',
       timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 0
from system_range(1, 20000);
insert into team_membership (id, member_id, team_id, role)
select cast(hash('MD5', 'tm' || i.x || '-' || k.x) as uuid), cast(hash('MD5', 'm' || i.x) as uuid),
       cast(hash('MD5', 't' || (1 + mod(i.x * 7 + k.x * 13, 20000))) as uuid),
       array_get(array['EDITOR','VIEWER','ADMIN','OWNER'], 1 + mod(i.x + k.x, 4))
from system_range(1, 100000) i cross join system_range(1, 2) k;
analyze;
