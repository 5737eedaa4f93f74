-- The full recompute's runs (issue 7, review of the recompute): the runner writes a row when a run
-- starts, its phase after every step and its outcome at the end, so a run cut short by a crash or
-- a restart stays visible as RUNNING with no end (the admin's panel says it did not finish) instead
-- of leaving mismatched tables that nothing records.
create table cov_recompute_run (
    id bigint not null primary key,
    started_at datetime(6) not null,
    started_by varchar(255) not null,
    phase varchar(64) not null,
    steps_done int default 0 not null,
    steps int default 0 not null,
    finished_at datetime(6),
    outcome varchar(16) not null,
    failure varchar(1000) default '' not null
);

-- Every keeper of the people counters raises this when it takes their lock (storage.CountedTree),
-- so the recompute, which counts them outside the lock, learns whether anyone wrote since its read.
alter table cov_lock add column version bigint default 0 not null;
