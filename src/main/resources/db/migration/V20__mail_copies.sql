-- A mail sent again (Send again on an invoice's page) is a copy of the one the customer got first:
-- the first stays the invoice's mail (invoice runs count it), the copies point to it.
alter table outbound_mail add column copy_of bigint references outbound_mail (id);
create index outbound_mail_copy_of on outbound_mail (copy_of);
