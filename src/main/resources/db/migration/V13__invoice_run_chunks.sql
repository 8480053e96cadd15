-- An invoice run works through its orders in chunks that each commit on their own. The orders it
-- was asked for are kept here, in the order it takes them (by customer, so that a consolidated
-- invoice never straddles two chunks); done is set when an order was invoiced or skipped.
create table invoice_run_order (
    invoice_run varchar(20) not null,
    order_id    bigint      not null references sales_order (id),
    customer_id bigint      not null references customer (id),
    done        boolean     not null,
    primary key (invoice_run, order_id)
);
create index invoice_run_order_pending on invoice_run_order (invoice_run, done, customer_id, order_id);
create index invoice_run_order_order on invoice_run_order (order_id);
create index invoice_run_order_customer on invoice_run_order (customer_id);

-- The mail an invoice was last sent with: a run's page counts what has reached the customers.
alter table invoice add column mail_id bigint references outbound_mail (id);
create index invoice_mail on invoice (mail_id);

-- A consolidated invoice names all its orders; a customer may have thousands in one run.
alter table invoice alter column origin set data type varchar(1000000);
