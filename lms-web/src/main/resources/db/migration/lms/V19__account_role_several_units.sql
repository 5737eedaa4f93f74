-- A login may hold a role over several units (an officer of two communes, or of a commune and a
-- grassroots Union of an organisation): the key becomes (account, role, unit). The unique index is
-- added first because it also serves the account foreign key once the old primary key is gone.
-- A learner's grant has no unit (NULL); the domain keeps each grant once.
create unique index account_role_grant on account_role (account_id, role, scope_unit_id);
alter table account_role drop primary key;
