-- Timer entries keep the rounding rule that billed them, so the invoice can name it.
alter table timesheet_entry add column rounding_rule varchar(300);
