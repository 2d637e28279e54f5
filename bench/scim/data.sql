-- 100k members, 20k teams, 200k memberships, generated deterministically (ids are md5 of a key).
insert into member (id, figma_user_id, email, email_lower, name, given_name, family_name, title, external_id, org_role,
                    seat_type, status, figma_admin, department, managed_by_idp, created_at, last_modified, version, last_active_at)
select md5('m' || i)::uuid, (1000000 + i)::text, 'user' || i || '@example.com', 'user' || i || '@example.com',
       'First' || i || ' Last' || i, 'First' || i, 'Last' || i,
       -- lower-case "engineer": SCIMple's in-memory matcher compares case-sensitively, the bridge (rightly,
       -- RFC 7643 caseExact=false) does not; with these titles both must find the same 20k members.
       (array['Software engineer','Product designer','Senior engineer','Product manager','Data analyst',
              'QA engineer','Brand designer','Researcher','Marketing lead','IT admin'])[1 + i % 10],
       'ext-' || i, (array['MEMBER','MEMBER','MEMBER','GUEST','ADMIN'])[1 + i % 5],
       (array['FULL','DEV','COLLAB','VIEW'])[1 + i % 4], case when i % 10 = 0 then 'REMOVED' else 'ACTIVE' end,
       i % 50 = 0, 'Dept ' || (i % 20), i % 3 <> 0,
       timestamp with time zone '2026-01-01 00:00:00+00' - (i || ' minutes')::interval,
       timestamp with time zone '2026-06-01 00:00:00+00' + (i || ' seconds')::interval, 0,
       timestamp with time zone '2026-11-30 00:00:00+00' - ((i % 700) || ' days')::interval
from generate_series(1, 100000) i;
insert into team (id, figma_team_id, name, name_lower, kind, created_at, last_modified, version)
select md5('t' || i)::uuid, (9000000 + i)::text, 'Team ' || i, 'team ' || i, 'TEAM',
       timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00', 0
from generate_series(1, 20000) i;
insert into team_membership (id, member_id, team_id, role)
select md5('tm' || i || '-' || k)::uuid, md5('m' || i)::uuid, md5('t' || (1 + (i * 7 + k * 13) % 20000))::uuid,
       (array['EDITOR','VIEWER','ADMIN','OWNER'])[1 + (i + k) % 4]
from generate_series(1, 100000) i, generate_series(1, 2) k;
analyze;
