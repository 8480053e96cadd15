-- The surcharge on the hourly price chosen by processes/rate-surcharge.dmn when the entry was
-- recorded (public holidays, weekends, after hours), and the name of the rule that chose it.
alter table timesheet_entry add column surcharge_percent integer default 0 not null;
alter table timesheet_entry add column surcharge_rule varchar(200);
