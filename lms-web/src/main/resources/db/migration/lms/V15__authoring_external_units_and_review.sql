-- Authoring, part 2: external assignable units from cmi5 course structures, and the reviewer's
-- comment when a version in review is returned. Portable between H2 2.x and MySQL/MariaDB.

-- An external AU (cmi5 §13.1.4) is one more kind of content block; its launch address uses the
-- existing url column.
alter table content_block add column au_id varchar(2000);
alter table content_block add column launch_method varchar(16);
alter table content_block add column move_on varchar(24);
alter table content_block add column mastery_score decimal(6, 5);
alter table content_block add column launch_parameters varchar(2000);

-- What a reviewer writes when she returns a version to its author.
alter table authoring_event add column comment_text varchar(2000);
