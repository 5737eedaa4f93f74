-- Attachment data sent in multipart/mixed requests (xAPI 2.0 Part 3 §1.5.2), stored once per
-- SHA-2 hash however many statements carry it. content_type is the type of the first part that
-- brought it. Times are BIGINT microseconds, as in V2.
create table lrs_attachment (
    sha2 varchar(128) not null primary key,
    content_type varchar(255) not null,
    content_length bigint not null,
    content longblob not null,
    stored_micros bigint not null
);

-- The statement a StatementRef object points at, voiding or not, so that query filters also match
-- statements referring to a matching statement (xAPI 2.0 Part 3 §2.1.3, "Filter Conditions for
-- StatementRefs"). Voiding statements already record their target; other references stored before
-- this migration are not known here and are found only through their own properties.
alter table lrs_statement add statement_ref char(36);
update lrs_statement set statement_ref = voiding_target;
create index lrs_statement_ref on lrs_statement (statement_ref);
