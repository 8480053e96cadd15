-- An index on every foreign key a query filters or joins on: PostgreSQL does not create them with
-- the key, and without them figures, lists and cascades read whole tables as they grow.
create index sales_order_customer on sales_order (customer_id);
create index sales_order_state on sales_order (state);
create index sales_order_line_order on sales_order_line (order_id);
create index sales_order_line_product on sales_order_line (product_id);
create index ticket_customer on ticket (customer_id);
create index ticket_team on ticket (team_id);
create index ticket_line on ticket (sales_order_line_id);
create index field_task_customer on field_task (customer_id);
create index field_task_order on field_task (sales_order_id);
create index field_task_technician on field_task (technician_id);
create index timesheet_entry_ticket on timesheet_entry (ticket_id);
create index timesheet_entry_field_task on timesheet_entry (field_task_id);
create index stock_picking_order on stock_picking (sales_order_id);
create index stock_move_picking on stock_move (picking_id);
create index stock_move_product on stock_move (product_id);
create index stock_move_line on stock_move (sales_order_line_id);
create index invoice_customer on invoice (customer_id);
create index invoice_reversed on invoice (reversed_invoice_id);
create index invoice_line_invoice on invoice_line (invoice_id);
create index invoice_line_order_line on invoice_line (sales_order_line_id);
create index billing_allocation_line on billing_allocation (invoice_line_id);
create index worksheet_material_task on worksheet_material (field_task_id);
create index worksheet_material_line on worksheet_material (sales_order_line_id);
