-- Staff name the customer in start forms: a name must point at one customer.
alter table customer add constraint customer_name_unique unique (name);
