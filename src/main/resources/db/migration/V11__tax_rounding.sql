-- Each order keeps the company's tax rounding of the day it was created (PER_LINE or PER_DOCUMENT):
-- all its documents are computed with it, so changing the setting never changes an order's total.
alter table sales_order add column tax_rounding varchar(20) not null default 'PER_LINE';
