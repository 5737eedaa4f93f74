-- Statements as stored (xAPI 2.0 Part 3 §2.1): the exact JSON the LRS answers with, plus the
-- columns and relation rows that queries filter on. Written once for H2 2.x and MySQL/MariaDB.
-- Times are BIGINT microseconds since the epoch (UTC): Connector/J drops the fraction of a bound
-- Timestamp on MariaDB, and integers order and compare the same everywhere.
-- Identifiers (IRIs, agents) are indexed through their SHA-256 (64 hex characters): IRIs may be
-- longer than MySQL's index key limit allows.
-- V1's table held nothing yet (no intake existed): it is replaced.
drop table lrs_statement;

create table lrs_statement (
    statement_id char(36) not null primary key,
    stored_micros bigint not null,
    verb_hash char(64) not null,
    registration char(36),
    voiding_target char(36),
    voided boolean not null default false,
    authority_key varchar(190) not null,
    statement_json longtext not null
);

-- Keyset order of every query: (stored, id), so `more` links stay stable as statements arrive.
create unique index lrs_statement_order on lrs_statement (stored_micros, statement_id);
create index lrs_statement_verb on lrs_statement (verb_hash, stored_micros);
create index lrs_statement_registration on lrs_statement (registration, stored_micros);
create index lrs_statement_voiding on lrs_statement (voiding_target);

-- Agents and groups a statement mentions. direct: actor or object (the `agent` filter);
-- otherwise only found with related_agents=true (xAPI 2.0 Part 3 §2.1.3).
create table lrs_statement_agent (
    statement_id char(36) not null,
    agent_hash char(64) not null,
    direct boolean not null,
    primary key (statement_id, agent_hash, direct)
);
create index lrs_statement_agent_lookup on lrs_statement_agent (agent_hash, direct, statement_id);

-- Activities a statement mentions. direct: its object; otherwise context activities and
-- sub-statement activities, found with related_activities=true.
create table lrs_statement_activity (
    statement_id char(36) not null,
    activity_hash char(64) not null,
    direct boolean not null,
    primary key (statement_id, activity_hash, direct)
);
create index lrs_statement_activity_lookup on lrs_statement_activity (activity_hash, direct, statement_id);
