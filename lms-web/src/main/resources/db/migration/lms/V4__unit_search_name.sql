-- The unit's name folded for search (no diacritics, lower case): "ha noi" finds "Hà Nội".
-- Filled for existing rows by V5 (Java), kept up to date by OrgUnit.
alter table org_unit add column search_name varchar(255);
create index org_unit_search_name on org_unit (search_name);
