-- The coverage counters' lock (issue 7, full recompute): every projector transaction locks this
-- row first (CoverageProjection), and a full recompute holds it from before it reads the ledger
-- until its tables are in place, so no statement is applied to tables a recompute then replaces.
create table cov_lock (
    name varchar(32) not null primary key
);
insert into cov_lock (name) values ('counters');
