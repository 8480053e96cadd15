package dev.tandem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.tandem.audit.AuditStories;

/**
 * The whole application on a real port, on H2 (surefire) and again on PostgreSQL (failsafe runs
 * every test tagged "integration" with tandem.test.database=postgresql). All such tests share one
 * cached context: keep this the only configuration. Metrics are exported as in production
 * (Spring Boot's tests leave them out by default), for the Prometheus endpoint's tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@ContextConfiguration(initializers = {TestDatabase.class, TestMailServer.class})
@Import({TestClock.class, BillingFixtures.class, SupportProcesses.class, AuditStories.class})
public @interface TandemIntegrationTest {
}
