-- Certificates: one per person and enrolment (xAPI registration) whose course's completion rule she
-- met. What the certificate says (her name, the course, the issuing unit) is copied at issue time,
-- so a later rename of the unit or the course does not change a certificate already printed.
-- Portable between H2 2.x and MySQL/MariaDB.
create table certificate (
    id bigint not null primary key,
    -- The public, unguessable code in the verification URL and the QR code.
    code varchar(40) not null,
    person_id bigint not null,
    registration varchar(36) not null,
    course_iri varchar(512) not null,
    course_version int not null,
    course_title varchar(255) not null,
    -- Her name as it was at issue; emptied when her personal data is erased.
    holder_name varchar(255),
    unit_id bigint not null,
    unit_name varchar(255) not null,
    issued_on date not null,
    issued_at datetime(6) not null,
    -- The id of the "earned" statement, so that revocation can void exactly it.
    earned_statement_id varchar(36) not null,
    revoked_at datetime(6),
    revoked_by varchar(64),
    revocation_reason varchar(500),
    voiding_statement_id varchar(36),
    revision bigint not null default 0,
    constraint certificate_code_unique unique (code),
    constraint certificate_registration_unique unique (person_id, registration),
    constraint certificate_person_fk foreign key (person_id) references person (id),
    constraint certificate_unit_fk foreign key (unit_id) references org_unit (id)
);
create index certificate_issued on certificate (issued_at);

insert into id_sequence (sequence_name, next_value) values ('certificate', 0);
