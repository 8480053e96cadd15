-- An invoice references the orders it bills by id, instead of a display string of their numbers
-- (origin, "S00001, S00002"; "Credit of INV/…" for a credit note). Existing documents get the
-- orders of their lines, which are exactly the orders they bill; a credit note's lines are those
-- of the invoice it credits.
create table invoice_order (
    invoice_id     bigint not null references invoice (id),
    sales_order_id bigint not null references sales_order (id),
    primary key (invoice_id, sales_order_id)
);

create index invoice_order_sales_order on invoice_order (sales_order_id);

insert into invoice_order (invoice_id, sales_order_id)
select distinct l.invoice_id, ol.order_id
from invoice_line l
join sales_order_line ol on ol.id = l.sales_order_line_id;

alter table invoice drop column origin;
