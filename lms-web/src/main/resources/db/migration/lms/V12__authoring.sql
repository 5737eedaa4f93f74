-- Authoring: who owns a course, what happened to its versions, and the images uploaded for it.
-- Portable between H2 2.x and MySQL/MariaDB.

-- The trainer who writes a course. Courses without a row (the seeded curriculum) are edited by
-- central admins only.
create table course_authorship (
    course_id bigint not null primary key,
    owner_account_id bigint not null,
    created_at datetime(6) not null,
    constraint course_authorship_course_fk foreign key (course_id) references course (id),
    constraint course_authorship_owner_fk foreign key (owner_account_id) references account (id)
);
create index course_authorship_owner on course_authorship (owner_account_id);

-- The version history: created, new draft, submitted, returned, published; who and when.
create table authoring_event (
    id bigint not null primary key,
    course_id bigint not null,
    version_number int not null,
    action varchar(24) not null,
    actor_account_id bigint not null,
    happened_at datetime(6) not null,
    constraint authoring_event_course_fk foreign key (course_id) references course (id),
    constraint authoring_event_actor_fk foreign key (actor_account_id) references account (id)
);
create index authoring_event_course on authoring_event (course_id);

-- Images of a course, re-encoded on upload; never changed (a new upload gets a new name), so
-- every version of the course can refer to them as media/<file_name>.
create table course_media (
    id bigint not null primary key,
    course_id bigint not null,
    file_name varchar(200) not null,
    content_type varchar(32) not null,
    width int not null,
    height int not null,
    size_bytes int not null,
    content longblob not null,
    created_at datetime(6) not null,
    constraint course_media_name_unique unique (course_id, file_name),
    constraint course_media_course_fk foreign key (course_id) references course (id)
);

insert into id_sequence (sequence_name, next_value) values ('authoring_event', 0);
insert into id_sequence (sequence_name, next_value) values ('course_media', 0);
