package db.migration;

import java.sql.Connection;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Camunda's tables, from the create scripts of the engine jar on the class path for this database
 * (7.24 when this was written; a later jar's on a database created after an upgrade), in the order
 * the engine itself runs them. Camunda's own schema update is off
 * ({@code camunda.bpm.database.schema-update: false}): Flyway's lock lets any number of nodes start
 * at once on an empty database, one creating the tables while the others wait. A database whose
 * engine created these tables before Flyway owned them (Tandem up to V15) keeps them as they are.
 * A Camunda upgrade is a new migration that runs the jar's upgrade script unless the tables are
 * already at the new version: {@code JarScripts.camundaUpgrade(connection, "7.24", "7.25")}.
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
