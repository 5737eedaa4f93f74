-- LRS clients (xAPI 2.0 Part 3 §4): HTTP Basic key, the secret hashed (PBKDF2), the scopes granted
-- (space-separated, xAPI 2.0 Part 3 §4.2) and the authority given to their statements.
create table lrs_client (
    client_key varchar(190) not null primary key,
    secret_hash varchar(255) not null,
    scopes varchar(255) not null,
    authority_json varchar(2000) not null,
    updated_micros bigint not null
);
