-- The transactional outbox of the statement stream: one row per statement still to be published,
-- written in the transaction that stores the statement (only while a Kafka broker is configured)
-- and deleted once the broker has acknowledged it. The statement's JSON is read from lrs_statement,
-- so a row stays small. Rows are relayed in (stored_micros, statement_id) order, the order of
-- lrs_statement queries; actor_key is the stream's key (SHA-256 hex of the actor's identifier).
create table lrs_outbox (
    stored_micros bigint not null,
    statement_id char(36) not null,
    actor_key char(64) not null,
    primary key (stored_micros, statement_id)
);

-- Which LRS instance relays the outbox: only the holder of an unexpired lease publishes, so two
-- instances on one database neither race nor reorder one actor's statements.
create table lrs_outbox_relay (
    relay_name varchar(64) not null primary key,
    holder varchar(190),
    lease_until_micros bigint not null
);
insert into lrs_outbox_relay (relay_name, holder, lease_until_micros) values ('statements', null, 0);
