-- Taking a course again: a learner who completed a course may enrol in it once more, as a new
-- enrolment (take 2, 3, …) with a new xAPI registration. Earlier takes stay, with their statements
-- and certificates. The new unique key comes first: MySQL needs an index led by person_id for the
-- foreign key before the old one may go.
alter table enrolment add column take_number int default 1 not null;
alter table enrolment add constraint enrolment_person_course_take_unique
    unique (person_id, course_id, take_number);
alter table enrolment drop constraint enrolment_person_course_unique;
