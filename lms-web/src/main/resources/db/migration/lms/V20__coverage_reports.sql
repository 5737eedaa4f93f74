-- The 6-month and annual reports (issue 7, item 5). Portable between H2 2.x and MariaDB.

-- The tree of a frozen period as it stood when frozen, with each unit's name and headcount on the
-- day counted, so a report lists the same child units with the same denominators (also those with
-- no figure, which cov_frozen does not hold) after later renames, moves and merges.
create table cov_frozen_unit (
    period varchar(16) not null,
    unit_id bigint not null,
    parent_id bigint,
    unit_name varchar(255) not null,
    closed_on date,
    people bigint not null,
    members bigint not null,
    primary key (period, unit_id),
    constraint cov_frozen_unit_period_fk foreign key (period) references cov_frozen_period (period)
);
create index cov_frozen_unit_parent on cov_frozen_unit (period, parent_id);

-- A generated report: its files as sent, byte for byte, with their SHA-256.
create table coverage_report (
    id bigint not null primary key,
    unit_id bigint not null,
    unit_name varchar(255) not null,
    period varchar(16) not null,
    kind varchar(12) not null,
    generated_by varchar(100) not null,
    generated_at datetime(6) not null,
    frozen_at datetime(6) not null,
    xlsx longblob not null,
    xlsx_sha256 char(64) not null,
    pdf longblob not null,
    pdf_sha256 char(64) not null,
    constraint coverage_report_unit_fk foreign key (unit_id) references org_unit (id),
    constraint coverage_report_period_fk foreign key (period) references cov_frozen_period (period)
);
create index coverage_report_unit on coverage_report (unit_id, generated_at);
insert into id_sequence (sequence_name, next_value) values ('coverage_report', 0);
