-- Coverage: what the projector made of the statement stream. Portable between H2 2.x and MariaDB.

-- Every statement the projector has handled, once (its id is the dedupe key), and what it
-- counted. status: COUNTED (a milestone of person_id in course_id on occurred_on), VOIDED (was
-- counted or seen, then voided), VOIDED_EARLY (its voiding statement came first: when it arrives
-- it is ignored), VOIDING, IGNORED (a verb or object that counts nothing), SKIPPED (unknown actor
-- or course).
create table cov_statement (
    statement_id char(36) not null primary key,
    status varchar(12) not null,
    person_id bigint,
    course_id bigint,
    milestone varchar(12),
    occurred_on date
);
create index cov_statement_person_course on cov_statement (person_id, course_id);

-- Learning state: person reached milestone in subject (C<course id> or T<track>) on reached_on;
-- counted live in live_unit_id (her home unit) and for history in month_unit_id (her home unit
-- that day). The units are stored so a retraction takes back exactly what was added.
create table cov_state (
    person_id bigint not null,
    subject varchar(40) not null,
    milestone varchar(12) not null,
    reached_on date not null,
    month_unit_id bigint not null,
    live_unit_id bigint not null,
    primary key (person_id, subject, milestone)
);

-- The track each course counts in, fixed when the projector first meets the course (its latest
-- version's track then), so a later version moving to another track cannot unbalance the counters.
create table cov_course (
    course_id bigint not null primary key,
    track varchar(32) not null
);

-- The tree as the counters know it (unit → parent); follows org_unit as reorganisations are
-- applied, so the counters can be moved from exactly the ancestors they were added to.
create table cov_unit (
    unit_id bigint not null primary key,
    parent_id bigint
);

-- People of the unit's subtree today who reached the milestone in the subject.
create table cov_live (
    unit_id bigint not null,
    subject varchar(40) not null,
    milestone varchar(12) not null,
    people bigint not null,
    primary key (unit_id, subject, milestone)
);

-- People who reached the milestone in the subject in that month (yyyymm, Vietnam time) while
-- their home unit lay in the unit's subtree.
create table cov_month (
    unit_id bigint not null,
    subject varchar(40) not null,
    milestone varchar(12) not null,
    month_key int not null,
    people bigint not null,
    primary key (unit_id, subject, milestone, month_key)
);

-- Reorganisations not yet applied to the counters, written in the reorganisation's transaction.
create table cov_change (
    id bigint not null primary key,
    kind varchar(12) not null,
    subject_id bigint not null,
    effective_on date not null
);
insert into id_sequence (sequence_name, next_value) values ('cov_change', 0);

-- Where the xAPI-query reader of the stream is, written in the transaction of the batch it read.
create table cov_stream_position (
    reader varchar(64) not null primary key,
    since_at varchar(40) not null,
    seen longtext not null
);

-- Statements skipped because the actor or course is not known here.
create table cov_skipped (
    reason varchar(24) not null primary key,
    statements bigint not null
);
