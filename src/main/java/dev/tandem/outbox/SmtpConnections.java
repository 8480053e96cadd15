package dev.tandem.outbox;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

/**
 * Connections to the mail server, kept open between mails. Opening one costs several round trips
 * (greeting, EHLO, and with a real relay STARTTLS, a TLS handshake and AUTH) where a mail on an
 * open one costs five (a NOOP to check it is still open, then the mail); an invoice run sends
 * thousands. A connection is used by one mail at a time
 * and given back; one that failed is closed, one idle for longer than mail servers usually wait
 * ({@link #IDLE_SECONDS}) is closed instead of reused, and so is one opened with settings that have
 * changed since. As many stay open as mails are sent at once, at most {@link #KEPT}.
 */
@Component
class SmtpConnections implements DisposableBean {

    static {
        // Jakarta Mail finds its stream provider with a scan of the whole class path for every part of
        // every mail it writes, unless the provider is named: a twentieth of an invoice run's work.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    static final long IDLE_SECONDS = 20;
    private static final int KEPT = 8;

    /** An open connection, the server settings it was opened with and when it was last given back. */
    private record Open(Transport transport, String server, long givenBackAt) {
    }

    private final JavaMailSenderImpl settings;
    private final Queue<Open> idle = new ConcurrentLinkedQueue<>();

    SmtpConnections(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    /** Sends the message on an open connection, or on a new one; a failed connection is closed and the failure thrown. */
    void send(MimeMessage message) throws MessagingException {
        String server = server();
        Transport transport = borrow(server);
        try {
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException failure) {
            close(transport);
            throw failure;
        }
        if (idle.size() < KEPT) {
            idle.offer(new Open(transport, server, System.nanoTime()));
        } else {
            close(transport);
        }
    }

    private Transport borrow(String server) throws MessagingException {
        for (Open open = idle.poll(); open != null; open = idle.poll()) {
            boolean fresh = System.nanoTime() - open.givenBackAt() < TimeUnit.SECONDS.toNanos(IDLE_SECONDS);
            if (fresh && open.server().equals(server) && open.transport().isConnected()) {
                return open.transport();
            }
            close(open.transport());
        }
        Transport transport = settings.getSession().getTransport(settings.getProtocol());
        transport.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
        return transport;
    }

    private String server() {
        return String.join("|", settings.getProtocol(), settings.getHost(), String.valueOf(settings.getPort()),
                Objects.toString(settings.getUsername()), String.valueOf(Objects.hashCode(settings.getPassword())));
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // Closing a connection that broke: nothing left to do.
        }
    }

    @Override
    public void destroy() {
        for (Open open = idle.poll(); open != null; open = idle.poll()) {
            close(open.transport());
        }
    }
}
