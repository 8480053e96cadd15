-- What a customer and an auditor expect on a document: the customer's VAT number and payment
-- terms (none: the company's), and each invoice's due date, fixed when it is posted.
alter table customer add column vat_number varchar(40);
alter table customer add column payment_terms_days integer;
alter table invoice add column due_date date;
