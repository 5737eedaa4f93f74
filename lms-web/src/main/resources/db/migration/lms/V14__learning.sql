-- Learning: enrolments and the durable queue of statements on their way to the LRS.
-- Portable between H2 2.x and MySQL/MariaDB. There is no progress table: what a learner has done
-- is read from her statements in the LRS plus the rows still queued here (docs/XAPI-PROFILE.md).

-- A person in a course: her xAPI registration and the version she is on (a learner stays on the
-- version she started until an officer migrates her).
create table enrolment (
    id bigint not null primary key,
    person_id bigint not null,
    course_id bigint not null,
    version_number int not null,
    registration varchar(36) not null,
    enrolled_at datetime(6) not null,
    revision bigint not null,
    constraint enrolment_registration_unique unique (registration),
    constraint enrolment_person_course_unique unique (person_id, course_id),
    constraint enrolment_person_fk foreign key (person_id) references person (id),
    constraint enrolment_course_fk foreign key (course_id) references course (id)
);

insert into id_sequence (sequence_name, next_value) values ('enrolment', 0);

-- Statements written in the transaction of the event they record, delivered in queue_position
-- order and deleted once the LRS has accepted them. A row the LRS refuses (a 4xx other than
-- authentication) keeps its statement with the reason and no longer holds up the queue.
create table statement_queue (
    statement_id varchar(36) not null primary key,
    queue_position bigint not null,
    registration varchar(36),
    statement_json longtext not null,
    queued_at datetime(6) not null,
    refused_reason varchar(1000)
);
create index statement_queue_position on statement_queue (queue_position);
create index statement_queue_registration on statement_queue (registration);

-- Only the holder of this lease delivers, so instances sharing the database do not race.
create table statement_queue_lease (
    lease_name varchar(40) not null primary key,
    holder varchar(100),
    expires_at_millis bigint not null
);
insert into statement_queue_lease (lease_name, holder, expires_at_millis) values ('delivery', null, 0);
