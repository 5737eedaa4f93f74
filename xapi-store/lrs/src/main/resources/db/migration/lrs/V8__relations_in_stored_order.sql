-- The agent and activity rows of a statement carry its stored time, and are kept in
-- (key, stored, id) order: a query filtering on one agent or activity (xAPI 2.0 Part 3 §2.1.3) reads
-- exactly the rows of that key in the order it answers, newest first, and stops after `limit`,
-- however many statements the store holds and whether the key is rare or in every statement.
-- direct statements (actor/object) have their own index for the filter without related_*.
-- The tables are rebuilt (the old indexes are not needed any more); written once for H2 2.x and
-- MySQL/MariaDB, which drop indexes with different syntax but both rename tables as below.
create table lrs_statement_agent_v8 (
    agent_hash char(64) not null,
    stored_micros bigint not null,
    statement_id char(36) not null,
    direct boolean not null,
    primary key (agent_hash, stored_micros, statement_id)
);
insert into lrs_statement_agent_v8 (agent_hash, stored_micros, statement_id, direct)
    select a.agent_hash, s.stored_micros, a.statement_id, max(a.direct)
    from lrs_statement_agent a join lrs_statement s on s.statement_id = a.statement_id
    group by a.agent_hash, s.stored_micros, a.statement_id;
drop table lrs_statement_agent;
alter table lrs_statement_agent_v8 rename to lrs_statement_agent;
create index lrs_statement_agent_direct
    on lrs_statement_agent (agent_hash, direct, stored_micros, statement_id);

create table lrs_statement_activity_v8 (
    activity_hash char(64) not null,
    stored_micros bigint not null,
    statement_id char(36) not null,
    direct boolean not null,
    primary key (activity_hash, stored_micros, statement_id)
);
insert into lrs_statement_activity_v8 (activity_hash, stored_micros, statement_id, direct)
    select t.activity_hash, s.stored_micros, t.statement_id, max(t.direct)
    from lrs_statement_activity t join lrs_statement s on s.statement_id = t.statement_id
    group by t.activity_hash, s.stored_micros, t.statement_id;
drop table lrs_statement_activity;
alter table lrs_statement_activity_v8 rename to lrs_statement_activity;
create index lrs_statement_activity_direct
    on lrs_statement_activity (activity_hash, direct, stored_micros, statement_id);
