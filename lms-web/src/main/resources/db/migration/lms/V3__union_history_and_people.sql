-- Reorganisations keep history: why a unit closed, and one event row per change.
alter table org_unit add column closed_reason varchar(16);

create table unit_event (
    id bigint not null primary key,
    unit_id bigint not null,
    kind varchar(24) not null,
    effective_on date not null,
    old_value varchar(255),
    new_value varchar(255),
    related_unit_id bigint,
    recorded_at datetime(6) not null,
    constraint unit_event_unit_fk foreign key (unit_id) references org_unit (id),
    constraint unit_event_related_fk foreign key (related_unit_id) references org_unit (id)
);
create index unit_event_unit on unit_event (unit_id, effective_on);

-- People: minimal personal data; ethnicity is sensitive. xapi_account is the opaque name of her
-- xAPI account, the only thing learning records know of her.
create table person (
    id bigint not null primary key,
    full_name varchar(255) not null,
    birth_year int,
    phone varchar(16),
    ethnicity varchar(64),
    is_member boolean not null,
    is_trainer boolean not null,
    staff_employment varchar(16),
    staff_position varchar(128),
    xapi_account char(36) not null,
    home_unit_id bigint not null,
    revision bigint not null default 0,
    constraint person_xapi_account_unique unique (xapi_account),
    constraint person_home_unit_fk foreign key (home_unit_id) references org_unit (id)
);
create index person_home_unit on person (home_unit_id);
create index person_phone on person (phone);

-- One row per stretch of time a person belonged to a home unit.
create table person_membership (
    id bigint not null primary key,
    person_id bigint not null,
    unit_id bigint not null,
    valid_from date not null,
    valid_to date,
    constraint person_membership_person_fk foreign key (person_id) references person (id),
    constraint person_membership_unit_fk foreign key (unit_id) references org_unit (id)
);
create index person_membership_person on person_membership (person_id, valid_from);
create index person_membership_unit on person_membership (unit_id, valid_from);

insert into id_sequence (sequence_name, next_value) values ('unit_event', 0);
insert into id_sequence (sequence_name, next_value) values ('person', 0);
insert into id_sequence (sequence_name, next_value) values ('person_membership', 0);
