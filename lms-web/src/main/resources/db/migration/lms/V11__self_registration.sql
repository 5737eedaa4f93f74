-- Self-registration: a woman who says she is a Union member waits for an officer of her unit to
-- confirm it; until then she counts as a learner who is not a member.
alter table person add column member_claimed_on date;
create index person_member_claim on person (member_claimed_on);
