-- A closed report period's coverage figures, frozen: later statements, voids and reorganisations
-- never change them. One header row per period, one row per unit, subject and milestone.
create table cov_frozen_period (
    period varchar(16) not null primary key,
    from_month int not null,
    to_month int not null,
    counted_on date not null,
    frozen_at datetime(6) not null
);

create table cov_frozen (
    period varchar(16) not null,
    unit_id bigint not null,
    subject varchar(40) not null,
    milestone varchar(12) not null,
    in_period bigint not null,
    by_end bigint not null,
    people bigint not null,
    members bigint not null,
    primary key (period, unit_id, subject, milestone),
    constraint cov_frozen_period_fk foreign key (period) references cov_frozen_period (period)
);
