package dev.tandem.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TestClock;
import dev.tandem.TestDatabase;
import dev.tandem.TestMailServer;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.fieldservice.Signatures;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.fieldservice.process.FieldTaskSteps;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.InvoiceRuns;
import dev.tandem.invoicing.process.InvoiceRunProcess;
import dev.tandem.common.Groups;
import dev.tandem.timesheets.TimesheetService;
import dev.tandem.timesheets.TimesheetTarget;

/**
 * Tandem at volume, on PostgreSQL, with the job executor on, as in production: run with
 * {@code ./mvnw -B -Pbench verify} (not part of CI's run). It fills the database it runs on (the
 * embedded one, thrown away afterwards, or a database of yours to throw away). It seeds through Tandem's own services,
 * measures each case, prints one table and writes {@code target/bench/report.md} and
 * {@code report.json}. Nothing is asserted about time: the figures are compared with B0, the
 * machine's own commit rate, measured in the same run.
 * <p>
 * Sizes: {@code -Dbench.orders} (10,000), {@code -Dbench.entries} per order (4), {@code -Dbench.tasks}
 * (100,000), {@code -Dbench.run-limit-seconds} (1,800: how long B2 may take before it is reported
 * as not finished); {@code -Dbench.cases} (B1,B2,B3,B4: which cases to measure; B0 always is).
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=true", "logging.level.dev.tandem=WARN"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = {TestDatabase.class, TestMailServer.class})
@Import({TestClock.class, BillingFixtures.class, SupportProcesses.class})
class TandemBenchmark {

    private static final int ORDERS = Integer.getInteger("bench.orders", 10_000);
    private static final int ENTRIES = Integer.getInteger("bench.entries", 4);
    private static final int TASKS = Integer.getInteger("bench.tasks", 100_000);
    private static final int FLOWS = Integer.getInteger("bench.flows", 100);
    private static final long RUN_LIMIT_SECONDS = Long.getLong("bench.run-limit-seconds", 1_800);
    private static final List<String> CASES = List.of(System.getProperty("bench.cases", "B1,B2,B3,B4").split(","));
    private static final int SAMPLES = 50;
    private static final Duration SAMPLING_LIMIT = Duration.ofSeconds(90);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired TimesheetService timesheets;
    @Autowired TaskService taskService;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired InvoiceRepository invoices;
    @Autowired InvoiceRuns runs;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired FieldTaskSteps steps;
    @LocalServerPort int port;

    private final Report report = new Report();

    @Test
    void measure() throws Exception {
        report.note("Sizes: %,d orders with %,d one-hour entries each, %,d open tasks; %d CPUs, max heap %d MiB."
                .formatted(ORDERS, ENTRIES, TASKS, Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory() >> 20));
        double commitsPerSecond = b0Hardware();
        List<Long> orders = seedOrders();
        if (CASES.contains("B3") || CASES.contains("B4")) {
            seedTasks();
        }
        settle();
        measured("B3", this::b3Lists);
        measured("B4", this::b4Start);
        measured("B1", this::b1Flows);
        measured("B2", () -> b2InvoiceRun(orders, commitsPerSecond));
        measured("B3", () -> b3InvoiceList(login("alice")));
        report.write(Path.of("target", "bench"));
    }

    /**
     * The database as it is at rest, not minutes after a bulk load: statistics gathered and dead rows
     * gone (what autovacuum would otherwise be doing while the lists are measured).
     */
    private void settle() {
        long start = System.nanoTime();
        try {
            jdbc.execute("vacuum analyze");
            report.note("Vacuum and analyze after seeding took %.0f s.".formatted(seconds(start)));
        } catch (org.springframework.dao.DataAccessException refused) {
            report.note("Vacuum and analyze after seeding failed, measured without: " + refused.getMessage());
        }
    }

    private interface Case {
        void run() throws Exception;
    }

    /** A case that fails is reported as such, and the others still run; a case not asked for is left out. */
    private void measured(String id, Case measurement) {
        if (!CASES.contains(id)) {
            return;
        }
        try {
            measurement.run();
        } catch (Exception | AssertionError failed) {
            report.row(id, "failed", failed.toString(), "", "");
        }
    }

    // ------------------------------------------------------------------ B0

    /** The database's own pace from this JVM: one-row insert and commit, in a loop. */
    private double b0Hardware() throws SQLException {
        int commits = 2_000;
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("drop table if exists bench_commit");
            sql.execute("create table bench_commit (id bigint primary key)");
            connection.commit();
            long start = System.nanoTime();
            for (int i = 0; i < commits; i++) {
                sql.executeUpdate("insert into bench_commit values (" + i + ")");
                connection.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sql.execute("drop table bench_commit");
            connection.commit();
            double rate = commits / seconds;
            report.row("B0", "commits per second (one-row insert + commit)", "%,.0f".formatted(rate), "reference", "");
            return rate;
        }
    }

    // ------------------------------------------------------------------ seeding

    /** Confirmed post-paid orders, each with one-hour entries on past days, through Tandem's services. */
    private List<Long> seedOrders() {
        long start = System.nanoTime();
        Product service = fixtures.postpaid("80");
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            customers.add(fixtures.customer());
        }
        List<Employee> employees = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            employees.add(fixtures.employee());
        }
        List<Long> orders = new ArrayList<>();
        LocalDate today = BillingFixtures.today();
        for (int i = 0; i < ORDERS; i++) {
            Long order = fixtures.confirmedOrder(customers.get(i % customers.size()), service, "10");
            Long line = fixtures.line(order);
            // one order a day per employee, so nobody works more than a day's hours
            LocalDate day = today.minusDays(1 + (i / employees.size()) % 3_000);
            for (int e = 0; e < ENTRIES; e++) {
                timesheets.recordHours(employees.get(i % employees.size()).getId(), TimesheetTarget.orderLine(line), day,
                        BigDecimal.ONE, "Bench work " + e);
            }
            orders.add(order);
            if ((i + 1) % 1_000 == 0) {
                System.out.printf("bench: %,d orders seeded%n", i + 1);
            }
        }
        report.note("Seeding %,d orders through the services took %.0f s.".formatted(ORDERS,
                (System.nanoTime() - start) / 1e9));
        return orders;
    }

    /**
     * Open tasks offered to the four working groups as a process offers them (one user task with the
     * group as candidate, granted to the groups per process as Tandem grants its own processes), a
     * thousand instances per transaction.
     */
    private void seedTasks() {
        long start = System.nanoTime();
        repository.createDeployment().name("bench-tasks").addModelInstance("bench-tasks.bpmn",
                Bpmn.createExecutableProcess("benchTasks").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("benchTask").name("Bench task").camundaCandidateGroups("${group}")
                        .endEvent().done()).deploy();
        List<String> groups = Groups.WORKING;
        for (String group : groups) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId("benchTasks");
            grant.addPermission(Permissions.READ_TASK);
            grant.addPermission(Permissions.TASK_WORK);
            authorizations.saveAuthorization(grant);
        }
        for (int batch = 0; batch < TASKS; batch += 1_000) {
            int from = batch;
            tx.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(from + 1_000, TASKS); i++) {
                    runtime.startProcessInstanceByKey("benchTasks", Map.of("group", groups.get(i % groups.size())));
                }
            });
        }
        report.note("Seeding %,d open tasks took %.0f s.".formatted(TASKS, (System.nanoTime() - start) / 1e9));
    }

    // ------------------------------------------------------------------ B3

    private void b3Lists() throws Exception {
        HttpClient alice = login("alice");
        Timings page = sample(() -> {
            HttpResponse<String> response = get(alice, "/tandem/to-invoice");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("To-Invoice page answered " + response.statusCode());
            }
            return response.body().length();
        });
        report.row("B3", "To-Invoice page, first page (p50 / p95)", page.toString(), "p95 ≤ 150 ms", page.met(150));
        // As a member of the group, so that Camunda checks its authorizations as it does for Tasklist.
        Map<String, String> members = Map.of(Groups.SALES, "sam", Groups.HELPDESK, "hannah", Groups.TECHNICIANS, "theo",
                Groups.ACCOUNTING, "alice");
        for (String group : Groups.WORKING) {
            identity.setAuthentication(members.get(group), List.of(group));
            try {
                Timings query = sample(() -> {
                    long count = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count();
                    List<Task> first = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                            .orderByTaskCreateTime().desc().listPage(0, 15);
                    return (int) count + first.size();
                });
                report.row("B3", "Tasklist filter *Tasks of %s* as %s (count + first 15)".formatted(group,
                        members.get(group)), query.toString(), "p95 ≤ 150 ms", query.met(150));
            } finally {
                identity.clearAuthentication();
            }
        }
    }

    /** The Invoices page, first page (the newest 50 with the count and sums), and a search by customer. */
    private void b3InvoiceList(HttpClient alice) {
        for (String search : List.of("", "?customer=customer+12")) {
            Timings list = sample(() -> {
                HttpResponse<String> response = get(alice, "/tandem/invoices" + search);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Invoices page answered " + response.statusCode());
                }
                return response.body().length();
            });
            report.row("B3", "Invoices page%s (%,d documents; p50 / p95)".formatted(
                    search.isEmpty() ? ", first page" : ", customer search " + search, invoices.count()),
                    list.toString(), "p95 ≤ 150 ms", list.met(150));
        }
    }

    // ------------------------------------------------------------------ B1

    /**
     * Complete field-service interventions, driven through the engine API as the technician's steps
     * are (start, stop the timer, confirm the time, worksheet, signature, report printed and mailed
     * by the job executor, Mark as done), against a bare-engine twin of the same shape: the same user
     * tasks and asynchronous steps, with nothing behind them.
     */
    private void b1Flows() throws Exception {
        Customer customer = fixtures.customer();
        Employee technician = fixtures.technician();
        String order = fixtures.orderNumber(fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10000"));
        repository.createDeployment().name("bench-bare-engine").addModelInstance("bench-bare-field-service.bpmn",
                Bpmn.createExecutableProcess("benchBareFieldService").camundaHistoryTimeToLive(1)
                        .startEvent()
                        .userTask("start").camundaAssignee(technician.getUserId())
                        .userTask("running").camundaAssignee(technician.getUserId())
                        .userTask("confirm").camundaAssignee(technician.getUserId())
                        .userTask("worksheet").camundaAssignee(technician.getUserId())
                        .userTask("sign").camundaAssignee(technician.getUserId())
                        .manualTask("print").camundaAsyncBefore()
                        .manualTask("send").camundaAsyncBefore()
                        .userTask("done").camundaAssignee(technician.getUserId())
                        .endEvent().done()).deploy();

        Flows bare = flows(() -> { }, () -> {
            String id = runtime.startProcessInstanceByKey("benchBareFieldService").getId();
            for (int step = 0; step < 5; step++) {
                taskService.complete(waitForTask(id).getId());
            }
            taskService.complete(waitForTask(id).getId());
            return id;
        });
        StepTimes spent = new StepTimes();
        Flows real = flows(spent::clear, () -> {
            long at = System.nanoTime();
            String id = people.startAs("sam", FieldServiceProcess.KEY, Map.of(
                    FieldServiceProcess.CUSTOMER_NAME, customer.getName(), FieldServiceProcess.ORDER_NUMBER, order,
                    FieldServiceProcess.TECHNICIAN, technician.getUserId(), FieldServiceProcess.SITE, "Bench site",
                    FieldServiceProcess.DESCRIPTION, "Bench intervention",
                    FieldServiceProcess.PLANNED_DATE, BillingFixtures.today().toString())).getId();
            String number = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
            at = spent.add("plan (start the process)", at);
            taskService.complete(waitForTask(id).getId(), Map.of());
            at = spent.add("start the timer", at);
            taskService.complete(waitForTask(id).getId(), Map.of(FieldServiceProcess.TIMER_ACTION, FieldServiceProcess.STOP));
            at = spent.add("stop the timer", at);
            taskService.complete(waitForTask(id).getId(), Map.of(FieldServiceProcess.TIME_DESCRIPTION, "Bench work"));
            at = spent.add("confirm time (entry, rounding and surcharge rules)", at);
            taskService.complete(waitForTask(id).getId(), Map.of(FieldServiceProcess.WORKSHEET_NOTES, "Bench notes"));
            waitForTask(id);
            at = spent.add("worksheet", at);
            steps.sign(number, "Bench Customer", Signatures.drawn(), technician.getUserId());
            at = spent.add(SIGNATURE_STEP, at);
            Task done = waitForTask(id);
            at = spent.add(REPORT_STEP, at);
            taskService.complete(done.getId(), Map.of(FieldServiceProcess.DONE_ACTION, FieldServiceProcess.DONE));
            spent.add("Mark as done (picking validated)", at);
            return id;
        });
        report.row("B1", "bare-engine twin: flows per second, transactions per flow", bare.toString(), "", "");
        report.row("B1", "field-service interventions: flows per second, transactions per flow", real.toString(),
                "≥ 60 % of the twin", "%.0f %% of the twin, %s".formatted(100 * real.perSecond() / bare.perSecond(),
                        real.perSecond() >= 0.6 * bare.perSecond() ? "met" : "missed"));
        report.row("B1", "where an intervention's time goes (mean per step, as the driver waits for it)",
                spent.toString(), "", "");
        if (real.perSecond() < 0.6 * bare.perSecond()) {
            double twin = 1000 / bare.perSecond();
            double intervention = 1000 / real.perSecond();
            double withoutReport = intervention - spent.mean(REPORT_STEP);
            report.note(("B1 missed: the twin's whole flow takes %.0f ms, its steps doing nothing, an intervention "
                    + "%.0f ms, of which the report step (printed to PDF and mailed before the technician can mark "
                    + "the task done) takes %.0f ms and the signature %.0f ms. Without the report step on its path "
                    + "an intervention would take %.0f ms, %.0f %% of the twin; 60 %% means %.0f ms.")
                    .formatted(twin, intervention, spent.mean(REPORT_STEP), spent.mean(SIGNATURE_STEP),
                            withoutReport, 100 * twin / withoutReport, twin / 0.6));
        }
    }

    private static final String REPORT_STEP = "report printed to PDF and mailed (two jobs, waited for)";
    private static final String SIGNATURE_STEP = "signature (PNG checked, worksheet hashed)";

    /** Mean time per step of the flows driven, in the order they happen. */
    private static final class StepTimes {
        private final Map<String, long[]> nanos = new java.util.LinkedHashMap<>();

        /** Adds the time since {@code since} to the step; returns now. */
        long add(String step, long since) {
            long now = System.nanoTime();
            long[] total = nanos.computeIfAbsent(step, key -> new long[2]);
            total[0] += now - since;
            total[1]++;
            return now;
        }

        /** Forgets the times so far (the warm-up flow's). */
        void clear() {
            nanos.clear();
        }

        /** The mean time of a step, in milliseconds. */
        double mean(String step) {
            long[] total = nanos.get(step);
            return total[0] / 1e6 / total[1];
        }

        @Override
        public String toString() {
            return nanos.entrySet().stream().map(step -> "%s %.0f ms".formatted(step.getKey(),
                    step.getValue()[0] / 1e6 / step.getValue()[1])).collect(Collectors.joining("; "));
        }
    }

    private record Flows(double perSecond, double commitsPerFlow, int flows) {
        @Override
        public String toString() {
            return "%.1f flows/s, %.0f database transactions per flow, the driver's polling included (%d flows)"
                    .formatted(perSecond, commitsPerFlow, flows);
        }
    }

    private interface Flow {
        String run() throws Exception;
    }

    /** FLOWS flows one after the other, each waiting for the job executor where it must; until all have ended. */
    private Flows flows(Runnable afterWarmUp, Flow flow) throws Exception {
        flow.run();
        afterWarmUp.run();
        long commits = commits();
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < FLOWS; i++) {
            ids.add(flow.run());
        }
        while (runtime.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(ids)).count() > 0) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        double seconds = seconds(start);
        return new Flows(FLOWS / seconds, (double) (commits() - commits) / FLOWS, FLOWS);
    }

    /** The task an instance waits at, once the job executor has brought it there. */
    private Task waitForTask(String instanceId) throws InterruptedException {
        for (int i = 0; i < 15_000; i++) {
            Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
            if (task != null) {
                return task;
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
        throw new IllegalStateException("Instance " + instanceId + " waits at no task");
    }

    /** Transactions committed in this database so far (PostgreSQL's own count). */
    private long commits() {
        return jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()",
                Long.class);
    }

    // ------------------------------------------------------------------ B2

    private void b2InvoiceRun(List<Long> orders, double commitsPerSecond) throws Exception {
        TestMailServer.server().purgeEmailFromAllMailboxes();
        long mailsBefore = sentMails();
        long start = System.nanoTime();
        String run = people.startAs("alice", InvoiceRunProcess.KEY, Map.of(InvoiceRunProcess.ORDER_IDS,
                new ArrayList<>(orders), InvoiceRunProcess.CONSOLIDATED, false)).getBusinessKey();
        double started = seconds(start);
        double posted = -1;
        double mailed = -1;
        long peakPosted = 0;
        long peakMailed = 0;
        while (seconds(start) < RUN_LIMIT_SECONDS && (posted < 0 || mailed < 0)) {
            TimeUnit.SECONDS.sleep(1);
            peakPosted = runs.progress(run).posted();
            peakMailed = sentMails() - mailsBefore;
            if (posted < 0 && peakPosted >= orders.size()) {
                posted = seconds(start);
            }
            if (mailed < 0 && peakMailed >= orders.size()) {
                mailed = seconds(start);
            }
            if ((long) seconds(start) % 30 == 0) {
                System.out.printf("bench: run %s after %.0f s: %,d posted, %,d mailed%n", run, seconds(start),
                        peakPosted, peakMailed);
            }
        }
        report.row("B2", "start of a run of %,d orders until its page can show (its orders recorded)".formatted(orders.size()),
                "%.1f s".formatted(started), "", "");
        report.row("B2", "all invoices posted", posted < 0 ? "not finished: %,d posted after %d s".formatted(peakPosted,
                RUN_LIMIT_SECONDS) : "%.0f s (%.1f invoices/s)".formatted(posted, orders.size() / posted),
                "10,000 in ≤ 60 s", verdict(posted, 60, orders.size()));
        report.row("B2", "all invoices printed and accepted by the SMTP server", mailed < 0
                ? "not finished: %,d mailed after %d s".formatted(peakMailed, RUN_LIMIT_SECONDS)
                : "%.0f s (%.1f invoices/s)".formatted(mailed, orders.size() / mailed),
                "10,000 in ≤ 300 s", verdict(mailed, 300, orders.size()));
        report.row("B2", "invoices posted per 1,000 commits the database can do", posted < 0 ? "–"
                : "%.1f".formatted(orders.size() / posted / commitsPerSecond * 1_000), "", "");
        report.row("B2", "peak resident memory of the benchmark's JVM (VmHWM: seeding, the run, GreenMail's mail)",
                "%,d MiB".formatted(memory("VmHWM", ProcessHandle.current().pid()) >> 10), "", "");
    }

    /** Met or missed for 10,000 orders; at another size, what the rate measured would make of 10,000. */
    private static String verdict(double seconds, double targetSeconds, int orders) {
        if (seconds < 0) {
            return "missed";
        }
        double atTenThousand = seconds * 10_000 / orders;
        String verdict = atTenThousand <= targetSeconds ? "met" : "missed";
        return orders == 10_000 ? verdict : "%s at this rate (10,000 in about %.0f s)".formatted(verdict, atTenThousand);
    }

    private long sentMails() {
        return jdbc.queryForObject("select count(*) from outbound_mail where state = 'SENT'", Long.class);
    }

    // ------------------------------------------------------------------ B4

    /**
     * Tandem started in production mode on an empty database, then on this run's database: as
     * {@code java -jar} starts the jar, and as the Docker image starts it (the jar extracted, with a
     * class-data-sharing archive recorded by a training run; see the Dockerfile).
     */
    private void b4Start() throws Exception {
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(file -> file.getFileName().toString().matches("tandem-.*\\.jar")).findFirst().orElse(null);
        }
        if (jar == null) {
            report.row("B4", "start-up", "not measured: no jar in target/ (run with verify)", "≤ 15 s", "");
            return;
        }
        String url;
        String user;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
            user = connection.getMetaData().getUserName();
        }
        Path image = imageLayout(jar);
        String emptyDatabase = "bench_empty_" + System.currentTimeMillis();
        String emptyUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + emptyDatabase + "$1");
        try {
            for (var database : List.of(Map.entry("an empty database", emptyUrl), Map.entry("this run's database", url))) {
                for (boolean asImage : image == null ? List.of(false) : List.of(false, true)) {
                    if (database.getValue().equals(emptyUrl)) {
                        jdbc.execute("drop database if exists " + emptyDatabase);
                        jdbc.execute("create database " + emptyDatabase);
                    }
                    String how = asImage ? " as the Docker image starts it (class-data sharing)" : " with java -jar";
                    Start start = asImage
                            ? start(image, database.getValue(), user, "-XX:SharedArchiveFile=tandem.jsa", "-jar", "tandem.jar")
                            : start(Path.of("."), database.getValue(), user, "-jar", jar.toString());
                    report.row("B4", "start-up on " + database.getKey() + how, start.seconds() < 0 ? "did not start"
                            : "%.1f s".formatted(start.seconds()), "≤ 15 s", start.seconds() >= 0 && start.seconds() <= 15
                            ? "met" : "missed");
                    report.row("B4", "resident memory idle on " + database.getKey() + how, "%,d MiB".formatted(
                            start.rssKib() >> 10), "≤ 1,024 MiB", start.rssKib() > 0 && start.rssKib() <= 1_048_576
                            ? "met" : "missed");
                }
            }
        } finally {
            jdbc.execute("drop database if exists " + emptyDatabase);
        }
    }

    /**
     * The jar laid out as the Dockerfile lays it out: extracted to {@code target/bench/image}, with
     * the class-data-sharing archive of a training run (the context refreshed on an in-memory H2
     * database, then closed); null if that failed.
     */
    private Path imageLayout(Path jar) throws Exception {
        Path image = Path.of("target", "bench", "image");
        org.springframework.util.FileSystemUtils.deleteRecursively(image);
        Files.createDirectories(image);
        Path log = image.resolveSibling("image.log");
        Files.deleteIfExists(log);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (List<String> step : List.of(
                List.of(java, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination", ".",
                        "--application-filename", "tandem.jar"),
                List.of(java, "-XX:ArchiveClassesAtExit=tandem.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                        "-Dspring.context.exit=onRefresh", "-Dspring.datasource.url=jdbc:h2:mem:training",
                        "-jar", "tandem.jar"))) {
            Process process = new ProcessBuilder(step).directory(image.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                System.out.println("bench: could not lay the jar out as the image does; see " + log);
                return null;
            }
        }
        return image;
    }

    private record Start(double seconds, long rssKib) {
    }

    /** Starts the jar in {@code directory} with these arguments, until it says it started; then its memory after 10 s idle. */
    private Start start(Path directory, String url, String user, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("SPRING_PROFILES_ACTIVE", "prod", "TANDEM_ADMIN_PASSWORD", "bench-admin",
                "SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", user,
                "SPRING_DATASOURCE_PASSWORD", System.getenv().getOrDefault("TANDEM_TEST_POSTGRES_PASSWORD", ""),
                "SERVER_PORT", "0", "LOGGING_LEVEL_DEV_TANDEM", "INFO"));
        long begin = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<Double> started = new CompletableFuture<>();
        List<String> last = java.util.Collections.synchronizedList(new java.util.LinkedList<>());
        // Reads the node's log to its end, so it never blocks on a full pipe; notes when it has started.
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains("Started TandemApplication")) {
                        started.complete(seconds(begin));
                    }
                    last.add(line);
                    if (last.size() > 20) {
                        last.remove(0);
                    }
                }
            } catch (IOException e) {
                // the node is gone
            }
            started.complete(-1.0);
        });
        reader.setDaemon(true);
        reader.start();
        try {
            double seconds = started.get(180, TimeUnit.SECONDS);
            if (seconds < 0) {
                System.out.println("bench: the node did not start:\n" + String.join("\n", last));
                return new Start(-1, 0);
            }
            TimeUnit.SECONDS.sleep(10);
            return new Start(seconds, memory("VmRSS", process.pid()));
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Up to 50 timed calls after a warm-up call, within 90 seconds. */
    private static Timings sample(Supplier<Integer> call) {
        call.get();
        List<Double> millis = new ArrayList<>();
        long begin = System.nanoTime();
        while (millis.size() < SAMPLES && (millis.isEmpty() || System.nanoTime() - begin < SAMPLING_LIMIT.toNanos())) {
            long start = System.nanoTime();
            call.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return new Timings(millis.stream().sorted().toList());
    }

    private record Timings(List<Double> sorted) {

        double percentile(int p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }

        String met(double p95Target) {
            return percentile(95) <= p95Target ? "met" : "missed";
        }

        @Override
        public String toString() {
            return "%.0f / %.0f ms (%d calls)".formatted(percentile(50), percentile(95), sorted.size());
        }
    }

    private HttpClient login(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher token = CSRF.matcher(get(browser, "/login").body());
        if (!token.find()) {
            throw new IllegalStateException("The login page carries no CSRF token");
        }
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=%s&password=%s&_csrf=%s".formatted(user, user,
                        URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.discarding());
        return browser;
    }

    private HttpResponse<String> get(HttpClient browser, String path) {
        try {
            return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** A line of /proc/PID/status in KiB (VmRSS, VmHWM); 0 where there is no /proc. */
    private static long memory(String field, long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The table printed, and written as Markdown and JSON. */
    private static final class Report {

        private record Row(String id, String measure, String result, String target, String verdict) {
        }

        private final List<Row> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        void row(String id, String measure, String result, String target, String verdict) {
            rows.add(new Row(id, measure, result, target, verdict));
            System.out.printf("bench: %s %s: %s%n", id, measure, result);
        }

        void note(String note) {
            notes.add(note);
            System.out.println("bench: " + note);
        }

        void write(Path folder) throws IOException {
            Files.createDirectories(folder);
            StringBuilder markdown = new StringBuilder("# Tandem benchmark\n\n");
            notes.forEach(note -> markdown.append(note).append("\n\n"));
            markdown.append("| case | measure | result | target | |\n|---|---|---|---|---|\n");
            rows.forEach(row -> markdown.append("| %s | %s | %s | %s | %s |\n".formatted(row.id(), row.measure(),
                    row.result(), row.target(), row.verdict())));
            Files.writeString(folder.resolve("report.md"), markdown);
            String json = rows.stream().map(row -> "  {\"case\": %s, \"measure\": %s, \"result\": %s, \"target\": %s, \"verdict\": %s}"
                    .formatted(quoted(row.id()), quoted(row.measure()), quoted(row.result()), quoted(row.target()),
                            quoted(row.verdict()))).collect(Collectors.joining(",\n", "{\"notes\": [" + notes.stream()
                            .map(Report::quoted).collect(Collectors.joining(", ")) + "],\n \"rows\": [\n", "\n]}\n"));
            Files.writeString(folder.resolve("report.json"), json);
            System.out.println(markdown);
        }

        private static String quoted(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
