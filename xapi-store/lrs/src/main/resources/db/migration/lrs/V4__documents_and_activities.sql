-- Documents of the State, Activity Profile and Agent Profile resources (xAPI 2.0 Part 3 §2.3,
-- §2.6, §2.7; 1.0.3 §7.4–7.6), kept as bytes with the Content-Type they came with.
-- document_key: SHA-256 of the whole address (kind, activity, agent, registration, document id);
-- context_key: SHA-256 of the address without registration and document id, so "all documents of
-- this activity and agent" (ids, DELETE all) is one index range. Long IRIs and ids fit any index.
create table lrs_document (
    document_key char(64) not null primary key,
    context_key char(64) not null,
    registration char(36),
    document_id varchar(2000) not null,
    content_type varchar(255) not null,
    etag char(40) not null,
    updated_micros bigint not null,
    content longblob not null
);
create index lrs_document_context on lrs_document (context_key, updated_micros);

-- The canonical Activity Object of each activity id (xAPI 2.0 Part 3 §2.5): the definitions of the
-- statements that mentioned it, merged as they arrived.
create table lrs_activity (
    activity_key char(64) not null primary key,
    activity_json longtext not null,
    updated_micros bigint not null
);
