-- Each order keeps the company's tax rounding of the day it was created (PER_LINE or PER_DOCUMENT):
-- all its documents are computed with it, so changing the setting never changes an order's total.
-- Orders from before the setting existed have none: they are billed per line, as they always were,
-- and the integrity check does not ask their older documents to add up to the cent.
alter table sales_order add column tax_rounding varchar(20);
