-- The statement table is kept in (stored, id) order: its primary key, InnoDB's clustered index,
-- becomes (stored_micros, statement_id), the order every query pages in, and the statement id keeps
-- its uniqueness through a narrow unique index. Stored times only grow (StoredClock), so a new
-- statement row, and the index entries of its NULL voiding target and StatementRef, go to the
-- end of their B-trees, where the pages are already in memory; keyed by the client's random id,
-- every new row had to find (and often read from disk) a random page of the whole table, which
-- made ingest slow down as the store grew past the database's buffer pool (issue 3).
-- The unique index on (stored_micros, statement_id) it replaces was the same key.
-- The table is rebuilt, as in V8 (H2 2.x and MySQL/MariaDB drop primary keys and indexes with
-- different syntax, but both rename tables as below); columns and their order are unchanged.
create table lrs_statement_v10 (
    statement_id char(36) not null,
    stored_micros bigint not null,
    verb_hash char(64) not null,
    registration char(36),
    voiding_target char(36),
    voided boolean not null default false,
    authority_key varchar(190) not null,
    statement_json longtext not null,
    statement_ref char(36),
    primary key (stored_micros, statement_id)
);
insert into lrs_statement_v10 (statement_id, stored_micros, verb_hash, registration,
        voiding_target, voided, authority_key, statement_json, statement_ref)
    select statement_id, stored_micros, verb_hash, registration, voiding_target, voided,
        authority_key, statement_json, statement_ref
    from lrs_statement order by stored_micros, statement_id;
drop table lrs_statement;
alter table lrs_statement_v10 rename to lrs_statement;
create unique index lrs_statement_id on lrs_statement (statement_id);
create index lrs_statement_verb on lrs_statement (verb_hash, stored_micros);
create index lrs_statement_registration on lrs_statement (registration, stored_micros);
create index lrs_statement_voiding on lrs_statement (voiding_target);
create index lrs_statement_ref on lrs_statement (statement_ref);
