-- Row count and an order-free sum of row hashes of each table a full recompute writes (zero
-- counters left out), to show two recomputes (e.g. main's and a branch's) give the same figures:
--   mariadb --protocol=tcp -h 127.0.0.1 -u root DATABASE < bench/country/figures.sql
-- CountryBenchmark prints the same sums before and after its recompute.
select 'cov_state' as tbl, count(*) as n_rows, sum(crc32(concat_ws('|', person_id, subject, milestone, reached_on, month_unit_id, live_unit_id))) as hash from cov_state
union all select 'cov_live', count(*), sum(crc32(concat_ws('|', unit_id, subject, milestone, people))) from cov_live where people <> 0
union all select 'cov_month', count(*), sum(crc32(concat_ws('|', unit_id, subject, milestone, month_key, people))) from cov_month where people <> 0
union all select 'cov_headcount', count(*), sum(crc32(concat_ws('|', unit_id, changed_on, people, members))) from cov_headcount where people <> 0 or members <> 0
union all select 'cov_headcount_stretch', count(*), sum(crc32(concat_ws('|', membership_id, person_id, unit_id, valid_from, valid_to, member))) from cov_headcount_stretch
union all select 'cov_unit', count(*), sum(crc32(concat_ws('|', unit_id, coalesce(parent_id, 0)))) from cov_unit;
