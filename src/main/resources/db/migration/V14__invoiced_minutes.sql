-- Each timesheet entry keeps the minutes the billing ledger holds for it (0 = open), written with
-- every ledger row, so lists and invoicing find open entries by a plain column rather than by
-- summing the ledger of every entry. BillingIntegrityCheck compares it with the ledger.
alter table timesheet_entry add column invoiced_minutes integer default 0 not null;
update timesheet_entry set invoiced_minutes = (select coalesce(sum(a.minutes), 0) from billing_allocation a
                                               where a.timesheet_entry_id = timesheet_entry.id);
-- An order line's open entries: invoicing locks them, the To-Invoice page looks for them.
create index timesheet_entry_open_time on timesheet_entry (sales_order_line_id, invoiced_minutes, work_date);
