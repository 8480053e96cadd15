package dev.tandem;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A real SMTP server (GreenMail) on a free port for the whole test run; the application sends its
 * mail there, and tests read what arrived.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;
    private static int port;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + port).applyTo(context);
    }

    public static synchronized GreenMail server() {
        return start();
    }

    private static synchronized GreenMail start() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            port = server.getSmtp().getPort();
        }
        return server;
    }
}
