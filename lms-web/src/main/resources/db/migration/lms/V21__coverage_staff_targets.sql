-- Staff training targets (issue 7, dashboards): how many Union staff (cán bộ Hội) a unit means to
-- train in a year. Set by an officer of the unit or of a unit above it. Portable between H2 2.x and
-- MariaDB.
create table cov_staff_target (
    id bigint not null primary key,
    unit_id bigint not null,
    target_year int not null,
    staff_to_train int not null,
    set_by varchar(100) not null,
    set_at datetime(6) not null,
    revision bigint not null default 0,
    constraint cov_staff_target_unit_year unique (unit_id, target_year),
    constraint cov_staff_target_unit_fk foreign key (unit_id) references org_unit (id)
);
insert into id_sequence (sequence_name, next_value) values ('cov_staff_target', 0);

-- The staff figures read people with a staff record only: a short index range instead of a scan
-- of every person.
create index person_staff on person (staff_employment, home_unit_id);
