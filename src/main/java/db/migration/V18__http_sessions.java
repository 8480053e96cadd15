package db.migration;

import java.sql.Connection;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The tables that hold people's HTTP sessions (Spring Session JDBC), so that any node serves any
 * request of a login made on another, and a logout ends the session on all of them. From the
 * scripts Spring Session ships in its jar; its own schema initialization is off.
 */
public class V18__http_sessions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String database = "postgres".equals(JarScripts.vendor(connection)) ? "postgresql" : "h2";
        JarScripts.run(connection, "org/springframework/session/jdbc/schema-" + database + ".sql");
    }
}
