-- The people counters' lock (issue 7, counters under concurrency): every transaction that keeps
-- cov_headcount* or cov_people* (storage.CountedTree) locks this row before it reads or writes any
-- of their rows, so keepers never hold unit rows in different orders (no deadlock between two
-- transactions walking overlapping chains) and read the rows as the last keeper committed them.
insert into cov_lock (name) values ('people');

-- A queued change is taken off the queue only at the revision the projector read with it: a
-- PERSON change rewritten meanwhile (storage.PeopleCounts queues one per person, raising its
-- revision) stays queued for the next batch, which sees the person as that writer left her.
alter table cov_change add column revision bigint default 0 not null;
