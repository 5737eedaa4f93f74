-- One-time codes an officer issues for a member to set a new password; kept as hashes.
alter table account add column reset_code_hash varchar(255);
alter table account add column reset_code_expires_at datetime(6);
alter table account add column reset_code_attempts int not null default 0;
