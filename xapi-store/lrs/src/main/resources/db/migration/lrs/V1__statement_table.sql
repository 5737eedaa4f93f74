-- The statements as stored: the exact JSON plus the columns that queries filter on.
-- Portable between H2 2.x and MySQL/MariaDB; times keep microseconds (xAPI timestamps do).
create table lrs_statement (
    statement_id char(36) not null primary key,
    stored_at timestamp(6) not null,
    actor_key varchar(512) not null,
    verb_id varchar(512) not null,
    voided boolean not null default false,
    statement_json longtext not null
);

create index lrs_statement_stored on lrs_statement (stored_at);
create index lrs_statement_actor on lrs_statement (actor_key, stored_at);
