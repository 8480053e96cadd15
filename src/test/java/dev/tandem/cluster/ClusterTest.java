package dev.tandem.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.tandem.TestDatabase;
import dev.tandem.TestDatabase.Database;
import dev.tandem.WebSession;

/**
 * Tandem as a cluster: two nodes (two JVMs running the application's jar in production mode) on
 * one PostgreSQL database, started at the same moment on an empty database; one sign-in serves
 * both; invoice runs started on both bill everything once; a node killed in the middle of a run
 * leaves the run to the other. Runs with failsafe only, on PostgreSQL, after the jar is built.
 * The orders to invoice are inserted with SQL (production has no screen for customers and
 * products yet); everything else goes through the nodes as people and the job executor do.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
        String lockTime = "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis();
        a = TandemNode.start("node-a", database, mail.getSmtp().getPort(), lockTime);
        b = TandemNode.start("node-b", database, mail.getSmtp().getPort(), lockTime);
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
    @Order(1)
    void bothNodesMadeOneSchemaAndOneSetOfGroupsFiltersAndAdministrator() throws Exception {
        assertThat(query("select version, count(*), bool_and(success) from flyway_schema_history"
                + " where version is not null group by version having count(*) > 1 or not bool_and(success)"))
                .as("each migration applied once, successfully").isEmpty();
        assertThat(query("select version_ from act_ge_schema_log")).containsExactly("7.24.0");
        assertThat(query("select name_ from act_ru_filter where name_ = 'Tasks of accounting'")).hasSize(1);
        assertThat(query("select id_ from act_id_group where id_ in ('accounting', 'monitoring', 'camunda-admin')"))
                .hasSize(3);
        assertThat(query("select id_ from act_id_user")).containsExactly("admin");
        assertThat(a.output()).as("node A took its turn at the start-up lock").contains("Start-up lock taken");
        assertThat(b.output()).as("node B took its turn at the start-up lock").contains("Start-up lock taken");
    }

    @Test
    @Order(2)
    void aSignInOnOneNodeServesTheOtherAndALogoutOnEitherEndsItOnBoth() {
        WebSession admin = new WebSession();
        admin.signIn(base(a), "admin", TandemNode.ADMIN_PASSWORD);

        assertThat(admin.get(base(b) + "/").body()).as("node B's landing page").contains("Welcome, admin", "Cockpit");
        assertThat(admin.get(base(b) + TASKS).statusCode()).as("Tasklist's API on node B").isEqualTo(200);
        assertThat(admin.get(base(a) + "/tandem/to-invoice").statusCode()).isEqualTo(200);

        admin.get(base(b) + "/camunda/app/tasklist/default/");
        assertThat(admin.postAsWebapp(base(b) + "/camunda/api/admin/auth/user/default/logout", "{}").statusCode())
                .as("logged out of Tasklist on node B").isEqualTo(200);
        assertThat(admin.get(base(a) + TASKS).statusCode()).as("and so on node A").isEqualTo(401);
        assertThat(admin.get(base(a) + "/tandem/to-invoice").statusCode()).isEqualTo(302);
    }

    @Test
    @Order(3)
    void invoiceRunsStartedOnBothNodesOverTheSameOrdersBillEachOnceWithGaplessNumbersAndMailEachOnce()
            throws Exception {
        List<Long> orders = seedOrders("both", 10, 4);
        WebSession onA = signedInAdmin(a);
        WebSession onB = signedInAdmin(b);

        ExecutorService accountants = Executors.newFixedThreadPool(2);
        try {
            Future<String> runA = accountants.submit(() -> startRun(onA, a, orders));
            Future<String> runB = accountants.submit(() -> startRun(onB, b, orders));
            List<String> runs = List.of(runA.get(), runB.get());
            awaitMailed(runs, Duration.ofMinutes(3));
        } finally {
            accountants.shutdownNow();
        }

        assertBilledOnceAndMailedOnce(orders);
    }

    @Test
    @Order(4)
    void aNodeKilledInTheMiddleOfARunLeavesTheRunToTheOtherWithinTheLockTime() throws Exception {
        List<Long> orders = seedOrders("killed", 60, 5);
        WebSession onA = signedInAdmin(a);
        String run = startRun(onA, a, orders);
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (count("select count(*) from invoice where invoice_run = ? and state = 'POSTED'", run) == 0) {
            assertThat(System.nanoTime()).as("the run posts its first chunk").isLessThan(until);
            Thread.sleep(100);
        }

        a.kill();
        long killed = System.nanoTime();
        awaitMailed(List.of(run), LOCK_TIME.plus(Duration.ofMinutes(2)));
        Duration after = Duration.ofNanos(System.nanoTime() - killed);

        assertThat(count("select count(*) from invoice_run_order where invoice_run = ? and done = false", run))
                .as("every order of the run dealt with").isZero();
        assertBilledOnceAndMailedOnce(orders);
        System.out.printf("Cluster: node A killed with run %s under way; node B finished it %d s later%n", run,
                after.toSeconds());
        assertThat(after).as("finished within the lock time and the work left").isLessThan(LOCK_TIME.plusSeconds(90));
    }

    private static final String TASKS = "/camunda/api/engine/engine/default/task/count";
    /**
     * The nodes' job lock time: a dead node's jobs wait that long at most. Production's is 60 s
     * (application.yml); half of it here, for a shorter wait, still far above what a job takes.
     */
    private static final Duration LOCK_TIME = Duration.ofSeconds(30);

    private static String base(TandemNode node) {
        return "http://127.0.0.1:" + node.port;
    }

    private static WebSession signedInAdmin(TandemNode node) {
        WebSession session = new WebSession();
        session.signIn(base(node), "admin", TandemNode.ADMIN_PASSWORD);
        return session;
    }

    /** Presses Create invoices on the To-Invoice page of a node for these orders; the run's number. */
    private static String startRun(WebSession accountant, TandemNode node, List<Long> orders) {
        String form = orders.stream().map(id -> "orderIds=" + id).collect(Collectors.joining("&"))
                + "&_csrf=" + WebSession.encode(accountant.csrfToken(base(node) + "/tandem/to-invoice"));
        HttpResponse<String> started = accountant.postForm(base(node) + "/tandem/to-invoice", form);
        String location = started.headers().firstValue("Location").orElse("");
        assertThat(location).as("the run's page").contains("/tandem/invoice-runs/R");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Waits until every order of the runs is dealt with and every invoice they posted is mailed. */
    private static void awaitMailed(List<String> runs, Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        for (String run : runs) {
            while (count("select count(*) from invoice_run_order where invoice_run = ? and done = false", run) > 0
                    || count("""
                    select count(*) from invoice i left join outbound_mail m on m.id = i.mail_id
                    where i.invoice_run = ? and i.state = 'POSTED' and (m.id is null or m.state <> 'SENT')""", run) > 0) {
                assertThat(System.nanoTime()).as("run %s finished within %s", run, within).isLessThan(until);
                Thread.sleep(250);
            }
        }
    }

    /** Every entry of the orders billed by exactly one invoice; numbers without gaps; one mail each. */
    private static void assertBilledOnceAndMailedOnce(List<Long> orders) throws Exception {
        String ids = orders.stream().map(String::valueOf).collect(Collectors.joining(","));
        assertThat(query("""
                select e.id, e.invoiced_minutes, (select count(*) from billing_allocation a where a.timesheet_entry_id = e.id)
                from timesheet_entry e join sales_order_line l on l.id = e.sales_order_line_id
                where l.order_id in (%s) and (e.invoiced_minutes <> 60
                  or (select count(*) from billing_allocation a where a.timesheet_entry_id = e.id) <> 1)""".formatted(ids)))
                .as("entries not billed exactly once").isEmpty();
        List<String> numbers = query("select number from invoice where state = 'POSTED' order by number");
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("gapless numbers").endsWith("%05d".formatted(i + 1));
        }
        List<String> mailed = query("select i.number from invoice i join outbound_mail m on m.id = i.mail_id"
                + " where i.state = 'POSTED' and m.state = 'SENT'");
        assertThat(mailed).as("every posted invoice mailed").hasSameSizeAs(numbers);
        List<String> messageIds = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            messageIds.add(message.getMessageID());
        }
        assertThat(messageIds).as("each invoice's mail received once").doesNotHaveDuplicates().hasSameSizeAs(numbers);
    }

    /**
     * Orders with time to invoice, as SQL rows: a post-paid support product, {@code customers}
     * customers with {@code ordersEach} confirmed orders, each with one hour logged yesterday.
     */
    private static List<Long> seedOrders(String name, int customers, int ordersEach) throws SQLException {
        List<Long> orders = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            long product = insert(connection, """
                    insert into product (code, name, kind, billing_policy, unit, list_price, tax_rate, cost,
                                         upsell_threshold, allow_negative_stock)
                    values ('SUP-%s', 'Support (%s)', 'SERVICE', 'TIMESHEET', 'HOUR', 80, 21, 0, 1, false)""",
                    name, name);
            long employee = insert(connection, """
                    insert into employee (name, time_zone, cost_rate) values ('Technician %s', 'Europe/Brussels', 0)""",
                    name);
            for (int c = 0; c < customers; c++) {
                long customer = insert(connection, """
                        insert into customer (name, email, address, time_zone, language)
                        values ('Customer %s %d', 'customer-%s-%d@example.com', 'Street 1', 'Europe/Brussels', 'en')""",
                        name, c, name, c);
                for (int o = 0; o < ordersEach; o++) {
                    long order = insert(connection, """
                            insert into sales_order (number, customer_id, state, order_date, confirmed_at, tax_rounding)
                            values ('%s', %d, 'CONFIRMED', current_date - 2, current_timestamp, 'PER_LINE')""",
                            "C-%s-%d-%d".formatted(name, c, o), customer);
                    long line = insert(connection, """
                            insert into sales_order_line (order_id, position, product_id, description, ordered_quantity,
                                                          unit_price, tax_rate, down_payment)
                            values (%d, 1, %d, 'Support hours', 10, 80, 21, false)""", order, product);
                    insert(connection, """
                            insert into timesheet_entry (employee_id, work_date, actual_minutes, billed_minutes,
                                                         description, billable, sales_order_line_id)
                            values (%d, current_date - 1, 60, 60, 'Work', true, %d)""", employee, line);
                    orders.add(order);
                }
            }
        }
        return orders;
    }

    private static long insert(Connection connection, String sql, Object... values) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql.formatted(values), Statement.RETURN_GENERATED_KEYS);
            try (ResultSet key = statement.getGeneratedKeys()) {
                key.next();
                return key.getLong("id");
            }
        }
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
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
