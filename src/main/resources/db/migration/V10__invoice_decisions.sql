-- Accounting's decisions that money steps check, recorded with the invoice rather than left in
-- process variables: who approved a draft at "Review draft invoice", and who asked at "Credit
-- invoice" for the credit note the next step issues against this invoice.
alter table invoice add column approved_by varchar(64);
alter table invoice add column credit_requested_by varchar(64);
