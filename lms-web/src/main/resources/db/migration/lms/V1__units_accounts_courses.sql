-- Portable between H2 2.x and MySQL/MariaDB. Times keep microseconds.

-- JPA table generators (one row per entity): portable where sequences and identity are not.
create table id_sequence (
    sequence_name varchar(64) not null primary key,
    next_value bigint not null
);

-- The Union's units: Central, provinces, communes (grassroots Unions), branches, groups, and the
-- non-territorial organisations. Official codes (2-digit province, 5-digit commune) where they exist.
create table org_unit (
    id bigint not null primary key,
    code varchar(16),
    name varchar(255) not null,
    kind varchar(24) not null,
    parent_id bigint,
    valid_from date not null,
    valid_to date,
    revision bigint not null default 0,
    constraint org_unit_code_unique unique (code),
    constraint org_unit_parent_fk foreign key (parent_id) references org_unit (id)
);
create index org_unit_parent on org_unit (parent_id);

-- Pre-July-2025 commune codes and the commune each became part of.
create table commune_code_mapping (
    old_code char(5) not null,
    old_name varchar(255) not null,
    old_district_name varchar(255),
    old_province_name varchar(255),
    new_code char(5) not null,
    primary key (old_code)
);

create table account (
    id bigint not null primary key,
    username varchar(64) not null,
    password_hash varchar(255) not null,
    display_name varchar(255) not null,
    home_unit_id bigint,
    enabled boolean not null,
    created_at datetime(6) not null,
    revision bigint not null default 0,
    constraint account_username_unique unique (username),
    constraint account_home_unit_fk foreign key (home_unit_id) references org_unit (id)
);

-- A role is held over a subtree of units: its scope.
create table account_role (
    account_id bigint not null,
    role varchar(32) not null,
    scope_unit_id bigint,
    primary key (account_id, role),
    constraint account_role_account_fk foreign key (account_id) references account (id),
    constraint account_role_scope_fk foreign key (scope_unit_id) references org_unit (id)
);

create table course (
    id bigint not null primary key,
    activity_iri varchar(512) not null,
    title varchar(200) not null,
    title_en varchar(200),
    summary varchar(2000) not null,
    track varchar(32) not null,
    estimated_minutes int not null,
    published boolean not null,
    revision bigint not null default 0,
    constraint course_activity_unique unique (activity_iri)
);

-- EclipseLink's table generators update existing rows only.
insert into id_sequence (sequence_name, next_value) values ('org_unit', 0);
insert into id_sequence (sequence_name, next_value) values ('account', 0);
insert into id_sequence (sequence_name, next_value) values ('course', 0);
