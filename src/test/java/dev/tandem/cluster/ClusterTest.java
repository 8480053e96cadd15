package dev.tandem.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.tandem.TestDatabase;
import dev.tandem.TestDatabase.Database;

/**
 * Tandem as a cluster: two nodes (two JVMs running the application's jar in production mode) on
 * one PostgreSQL database, started at the same moment on an empty database. Runs with failsafe
 * only, on PostgreSQL, after the jar is built.
 */
@Tag("cluster")
class ClusterTest {

    private static final Duration START = Duration.ofMinutes(4);

    private static GreenMail mail;
    private static Database database;
    private static TandemNode a;
    private static TandemNode b;

    @BeforeAll
    static void twoNodesStartTogetherOnAnEmptyDatabase() throws Exception {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        database = TestDatabase.fresh("cluster");
        a = TandemNode.start("node-a", database, mail.getSmtp().getPort());
        b = TandemNode.start("node-b", database, mail.getSmtp().getPort());
        a.awaitReady(START);
        b.awaitReady(START);
    }

    @AfterAll
    static void stop() throws Exception {
        for (TandemNode node : new TandemNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void bothNodesMadeOneSchemaAndOneSetOfGroupsFiltersAndAdministrator() throws Exception {
        assertThat(query("select version, count(*), bool_and(success) from flyway_schema_history"
                + " where version is not null group by version having count(*) > 1 or not bool_and(success)"))
                .as("each migration applied once, successfully").isEmpty();
        assertThat(query("select version_ from act_ge_schema_log")).containsExactly("7.24.0");
        assertThat(query("select name_ from act_ru_filter where name_ = 'Tasks of accounting'")).hasSize(1);
        assertThat(query("select id_ from act_id_group where id_ in ('accounting', 'monitoring', 'camunda-admin')"))
                .hasSize(3);
        assertThat(query("select id_ from act_id_user")).containsExactly("admin");
        assertThat(a.output() + b.output()).as("each node took its turn at the start-up lock")
                .contains("Start-up lock taken");
    }

    /** The rows of a query on the cluster's database, each as its columns joined by " | ". */
    private static List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    values.add(result.getString(column));
                }
                rows.add(String.join(" | ", values));
            }
        }
        return rows;
    }
}
