package db.migration;

import java.sql.Connection;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Camunda 7.24's tables, from the create scripts of Camunda's engine jar for this database, in the
 * order the engine itself runs them. Camunda's own schema update is off
 * ({@code camunda.bpm.database.schema-update: false}): Flyway's lock lets any number of nodes start
 * at once on an empty database, one creating the tables while the others wait. A database whose
 * engine created these tables before Flyway owned them (Tandem up to V15) keeps them as they are.
 * A Camunda upgrade is a new migration that runs the jar's upgrade script, for example
 * {@code JarScripts.camunda(connection, "upgrade/" + vendor + "_engine_7.24_to_7.25.sql")}.
 */
public class V16__camunda_7_24_schema extends BaseJavaMigration {

    private static final String[] PARTS = {
        "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history"};

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (JarScripts.tablesPresent(connection)) {
            return;
        }
        String vendor = JarScripts.vendor(connection);
        for (String part : PARTS) {
            JarScripts.camunda(connection, "create/activiti.%s.create.%s.sql".formatted(vendor, part));
        }
    }
}
