package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Runs the SQL that Camunda ships in its engine jar ({@code org/camunda/bpm/engine/db/create} and
 * {@code .../upgrade}) for the database at hand, so that Camunda's tables are created and upgraded
 * by Tandem's Flyway migrations, in order and under Flyway's lock, rather than by each node's
 * engine as it starts. Not a migration itself: the migrations of this package call it.
 */
final class CamundaScripts {

    private static final String SCRIPTS = "org/camunda/bpm/engine/db/";

    private CamundaScripts() {
    }

    /** Camunda's name for the database: the middle of its script names ({@code h2}, {@code postgres}). */
    static String vendor(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return switch (product) {
            case "H2" -> "h2";
            case "PostgreSQL" -> "postgres";
            default -> throw new IllegalStateException("Tandem runs on H2 or PostgreSQL, not on " + product);
        };
    }

    /** Runs one of Camunda's scripts, named relative to its {@code db} folder. */
    static void run(Connection connection, String script) throws SQLException {
        ClassPathResource resource = new ClassPathResource(SCRIPTS + script);
        if (!resource.exists()) {
            throw new IllegalStateException("Camunda's engine jar has no script " + resource.getPath());
        }
        ScriptUtils.executeSqlScript(connection, resource);
    }

    /** Whether the database already has Camunda's tables (created by the engine itself before Flyway did). */
    static boolean tablesPresent(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : new String[] {"ACT_RU_EXECUTION", "act_ru_execution"}) {
            try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
