package dev.tandem.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.tandem.TestDatabase.Database;

/**
 * One Tandem node: the application's jar (built by the package phase, before failsafe runs) in a
 * JVM of its own, in the production profile, on a free port, with its output in
 * target/cluster/NAME.log. Killed with SIGKILL when a test means a node dying, not stopping.
 */
final class TandemNode implements AutoCloseable {

    static final String ADMIN_PASSWORD = "cluster-admin-secret";

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private TandemNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a node on the database, mailing through the SMTP server on {@code smtpPort}. */
    static TandemNode start(String name, Database database, int smtpPort, String... settings) {
        String jar = System.getProperty("tandem.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("No application jar at " + jar + ": run the cluster tests with failsafe");
        }
        int port = freePort();
        Path log = Path.of("target", "cluster", name + ".log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-jar", jar, "--server.port=" + port, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort));
        command.addAll(List.of(settings));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(Map.of(
                    "SPRING_PROFILES_ACTIVE", "prod",
                    "SPRING_DATASOURCE_URL", database.url(),
                    "SPRING_DATASOURCE_USERNAME", database.user(),
                    "SPRING_DATASOURCE_PASSWORD", database.password(),
                    "TANDEM_ADMIN_PASSWORD", ADMIN_PASSWORD));
            return new TandemNode(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Node " + name + " did not start", e);
        }
    }

    /** Waits until the node's readiness probe says UP, as a load balancer would. */
    void awaitReady(Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (status("/actuator/health/readiness") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Node " + name + " not ready within " + within + ":\n" + tail());
    }

    /** The HTTP status of a GET without credentials, or -1 when the node does not answer. */
    int status(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The node dies at once (SIGKILL), its database connections and locks left to time out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private String tail() {
        String output = output();
        return output.substring(Math.max(0, output.length() - 6_000));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
