-- Personal-data rights: erasure keeps the person row (anonymised) so learning records still count.
alter table person add column erased_on date;
alter table account add column person_id bigint;
alter table account add constraint account_person_fk foreign key (person_id) references person (id);

-- Consent with purpose and the version of the text she agreed to; withdrawal keeps the record.
create table consent (
    id bigint not null primary key,
    person_id bigint not null,
    purpose varchar(32) not null,
    text_version varchar(32) not null,
    given_at datetime(6) not null,
    withdrawn_at datetime(6),
    constraint consent_person_fk foreign key (person_id) references person (id)
);
create index consent_person on consent (person_id);

-- Who viewed or changed personal data and roles. Names people by id only.
create table audit_entry (
    id bigint not null primary key,
    happened_at datetime(6) not null,
    actor varchar(64) not null,
    action varchar(32) not null,
    subject_person_id bigint,
    detail varchar(500)
);
create index audit_entry_time on audit_entry (happened_at);
create index audit_entry_actor on audit_entry (actor, happened_at);
create index audit_entry_subject on audit_entry (subject_person_id, happened_at);

insert into id_sequence (sequence_name, next_value) values ('consent', 0);
insert into id_sequence (sequence_name, next_value) values ('audit_entry', 0);
