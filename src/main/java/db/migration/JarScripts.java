package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Runs the SQL that libraries ship in their jars for the database at hand: Camunda's create and
 * upgrade scripts ({@code org/camunda/bpm/engine/db/create} and {@code .../upgrade}) and Spring
 * Session's tables, so that their tables are created and upgraded by Tandem's Flyway migrations,
 * in order and under Flyway's lock, rather than by each node as it starts. Not a migration itself:
 * the migrations of this package call it.
 */
public final class JarScripts {

    private static final String SCRIPTS = "org/camunda/bpm/engine/db/";

    private JarScripts() {
    }

    /** Camunda's name for the database, as in its script names: {@code h2} or {@code postgres}. */
    static String vendor(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return switch (product) {
            case "H2" -> "h2";
            case "PostgreSQL" -> "postgres";
            default -> throw new IllegalStateException("Tandem runs on H2 or PostgreSQL, not on " + product);
        };
    }

    /** Runs one of Camunda's scripts, named relative to its {@code db} folder. */
    static void camunda(Connection connection, String script) throws SQLException {
        run(connection, SCRIPTS + script);
    }

    /**
     * Upgrades Camunda's tables from one minor version to the next with the engine jar's script,
     * unless they already are at that version: a database created after the upgrade got the new
     * tables straight from V16, which runs the create scripts of the jar on the class path.
     * Returns whether it ran.
     */
    public static boolean camundaUpgrade(Connection connection, String from, String to) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet versions = statement.executeQuery("select version_ from act_ge_schema_log")) {
            while (versions.next()) {
                String version = versions.getString(1);
                if (version != null && (version.equals(to) || version.startsWith(to + "."))) {
                    return false;
                }
            }
        }
        camunda(connection, "upgrade/%s_engine_%s_to_%s.sql".formatted(vendor(connection), from, to));
        return true;
    }

    /** Runs a script from the class path. */
    static void run(Connection connection, String path) throws SQLException {
        ClassPathResource resource = new ClassPathResource(path);
        if (!resource.exists()) {
            throw new IllegalStateException("No script " + path + " on the class path");
        }
        ScriptUtils.executeSqlScript(connection, resource);
    }

    /**
     * Whether the schema Flyway migrates already has Camunda's tables (created by the engine itself
     * before Flyway did).
     */
    static boolean tablesPresent(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : new String[] {"ACT_RU_EXECUTION", "act_ru_execution"}) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), name,
                    new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
