-- A stopped timer stays until its time is confirmed: "Confirm time spent" records what this row
-- measured and the rounding chosen when it stopped, never figures sent back by a form.
alter table timer add column stopped_at timestamp with time zone;
alter table timer add column rounding_minimum integer;
alter table timer add column rounding_step integer;
alter table timer add column rounding_rule varchar(300);
