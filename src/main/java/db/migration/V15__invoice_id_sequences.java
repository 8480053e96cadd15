package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Invoices, invoice lines and billing ledger rows take their ids from sequences, fetched 50 at a
 * time, instead of identity columns, so that Hibernate can insert an invoice run's rows in JDBC
 * batches. Each sequence starts above the table's highest id by one fetch (Hibernate's pooled
 * ids count down from the value it fetches), and the identity columns lose their default. Java
 * rather than SQL because the start value is read from the table, which H2 and PostgreSQL spell
 * differently in plain SQL.
 */
public class V15__invoice_id_sequences extends BaseJavaMigration {

    private static final int IDS_AT_A_TIME = 50;

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String table : new String[] {"invoice", "invoice_line", "billing_allocation"}) {
                long highest;
                try (ResultSet max = statement.executeQuery("select coalesce(max(id), 0) from " + table)) {
                    max.next();
                    highest = max.getLong(1);
                }
                statement.execute("create sequence %s_seq start with %d increment by %d"
                        .formatted(table, highest + 1 + IDS_AT_A_TIME, IDS_AT_A_TIME));
                // An insert without an id would take one the sequence has handed out: it fails instead.
                statement.execute("alter table %s alter column id drop identity".formatted(table));
            }
        }
    }
}
