-- Course structure and versions. Portable between H2 2.x and MySQL/MariaDB.
--
-- A course keeps only its identity (its stable activity IRI); what it says lives in numbered
-- versions (draft, in review, published, superseded). Modules, lessons, content blocks, quizzes
-- and questions belong to one version; their activity IRIs repeat in every version that has them.

create table course_version (
    id bigint not null primary key,
    course_id bigint not null,
    version_number int not null,
    status varchar(16) not null,
    title varchar(200) not null,
    title_en varchar(200),
    summary varchar(2000) not null,
    summary_en varchar(2000),
    track varchar(32) not null,
    course_level varchar(16) not null,
    audience varchar(16) not null,
    language varchar(35) not null,
    estimated_minutes int not null,
    cover_image varchar(300),
    sequential_unlocking boolean not null,
    completion_all_lessons boolean not null,
    completion_all_quizzes boolean not null,
    created_at datetime(6) not null,
    published_at datetime(6),
    revision bigint not null default 0,
    constraint course_version_number_unique unique (course_id, version_number),
    constraint course_version_course_fk foreign key (course_id) references course (id)
);
create index course_version_status on course_version (status);

create table course_version_tag (
    course_version_id bigint not null,
    position int not null,
    tag varchar(40) not null,
    primary key (course_version_id, position),
    constraint course_version_tag_version_fk foreign key (course_version_id) references course_version (id)
);

-- Courses to complete first, by activity IRI (any version of them counts).
create table course_prerequisite (
    course_version_id bigint not null,
    position int not null,
    course_iri varchar(512) not null,
    primary key (course_version_id, position),
    constraint course_prerequisite_version_fk foreign key (course_version_id) references course_version (id)
);

create table quiz (
    id bigint not null primary key,
    content_key varchar(80) not null,
    activity_iri varchar(512) not null,
    title varchar(200) not null,
    passing_score int not null,
    max_attempts int
);

create table course_module (
    id bigint not null primary key,
    course_version_id bigint not null,
    position int not null,
    content_key varchar(80) not null,
    activity_iri varchar(512) not null,
    title varchar(200) not null,
    quiz_id bigint,
    constraint course_module_version_fk foreign key (course_version_id) references course_version (id),
    constraint course_module_quiz_fk foreign key (quiz_id) references quiz (id),
    constraint course_module_quiz_unique unique (quiz_id)
);
create index course_module_version on course_module (course_version_id);

create table lesson (
    id bigint not null primary key,
    module_id bigint not null,
    position int not null,
    content_key varchar(80) not null,
    activity_iri varchar(512) not null,
    title varchar(200) not null,
    constraint lesson_module_fk foreign key (module_id) references course_module (id)
);
create index lesson_module on lesson (module_id);
create index lesson_activity on lesson (activity_iri);

-- A question of a quiz (quiz_id set) or embedded in a lesson (a content block points to it).
create table question (
    id bigint not null primary key,
    quiz_id bigint,
    position int not null,
    content_key varchar(80) not null,
    activity_iri varchar(512) not null,
    kind varchar(32) not null,
    prompt varchar(2000) not null,
    feedback_correct varchar(1000),
    feedback_incorrect varchar(1000),
    constraint question_quiz_fk foreign key (quiz_id) references quiz (id)
);
create index question_quiz on question (quiz_id);

create table answer_option (
    question_id bigint not null,
    position int not null,
    option_key varchar(16) not null,
    option_text varchar(1000) not null,
    correct boolean not null,
    feedback varchar(1000),
    primary key (question_id, position),
    constraint answer_option_question_fk foreign key (question_id) references question (id)
);

-- Every kind of block in one table, told apart by kind; each kind uses some of the columns.
create table content_block (
    id bigint not null primary key,
    lesson_id bigint not null,
    position int not null,
    kind varchar(32) not null,
    body longtext,
    media varchar(300),
    url varchar(2000),
    alt_text varchar(500),
    caption varchar(500),
    tone varchar(16),
    question_id bigint,
    constraint content_block_lesson_fk foreign key (lesson_id) references lesson (id),
    constraint content_block_question_fk foreign key (question_id) references question (id)
);
create index content_block_lesson on content_block (lesson_id);

create table instruction_step (
    block_id bigint not null,
    position int not null,
    instruction varchar(2000) not null,
    screenshot varchar(300),
    primary key (block_id, position),
    constraint instruction_step_block_fk foreign key (block_id) references content_block (id)
);

-- Existing courses become version 1 of themselves (same id), published if they were.
insert into course_version (
    id, course_id, version_number, status, title, title_en, summary, track, course_level,
    audience, language, estimated_minutes, sequential_unlocking, completion_all_lessons,
    completion_all_quizzes, created_at, published_at, revision)
select id, id, 1,
    case when published then 'PUBLISHED' else 'DRAFT' end,
    title, title_en, summary, track, 'BASIC',
    case when track = 'UNION_WORK' then 'UNION_STAFF' else 'MEMBERS' end,
    'vi', estimated_minutes, false, true, true, current_timestamp,
    case when published then current_timestamp else null end,
    0
from course;

alter table course drop column title;
alter table course drop column title_en;
alter table course drop column summary;
alter table course drop column track;
alter table course drop column estimated_minutes;
alter table course drop column published;

-- EclipseLink's table generators update existing rows only; versions continue after the ids
-- taken above.
insert into id_sequence (sequence_name, next_value) select 'course_version', coalesce(max(id), 0) from course;
insert into id_sequence (sequence_name, next_value) values ('course_module', 0);
insert into id_sequence (sequence_name, next_value) values ('lesson', 0);
insert into id_sequence (sequence_name, next_value) values ('content_block', 0);
insert into id_sequence (sequence_name, next_value) values ('quiz', 0);
insert into id_sequence (sequence_name, next_value) values ('question', 0);
