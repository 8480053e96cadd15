package dev.tandem.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestMailServer;

@TandemIntegrationTest
class OutboxTest {

    @Autowired Outbox outbox;
    @Autowired OutboundMailRepository mails;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JavaMailSenderImpl mailSender;

    @Test
    void aMailTheServerAcceptedIsNeverSentAgainWhateverFailsAfterIt() throws Exception {
        String recipient = "accounts-" + System.nanoTime() + "@example.com";
        OutboundMail mail = outbox.queue(recipient, "Invoice INV/2026/00042", "Please find it attached.", null, null);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(job -> {
            outbox.deliver(mail.getId());
            throw new IllegalStateException("the job failed after sending");
        })).hasMessage("the job failed after sending");
        outbox.deliver(mail.getId());

        List<MimeMessage> received = Arrays.stream(TestMailServer.server().getReceivedMessages())
                .filter(message -> recipientOf(message).equals(recipient)).toList();
        assertThat(received).hasSize(1);
        OutboundMail row = mails.findById(mail.getId()).orElseThrow();
        assertThat(row.getState()).isEqualTo(OutboundMail.State.SENT);
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.getMessageId()).isNotBlank().isEqualTo(received.get(0).getMessageID());
    }

    @Test
    void mailsShareAnOpenConnectionAndADroppedOneIsReplaced() throws Exception {
        String recipient = "run-" + System.nanoTime() + "@example.com";
        int smtpPort = mailSender.getPort();
        try (CountingRelay relay = new CountingRelay(smtpPort)) {
            mailSender.setPort(relay.port());
            for (int i = 1; i <= 3; i++) {
                outbox.deliver(outbox.queue(recipient, "Invoice " + i, "Attached.", null, null).getId());
            }
            assertThat(relay.connections()).as("three mails, one connection").isEqualTo(1);

            relay.dropAll();
            outbox.deliver(outbox.queue(recipient, "Invoice 4", "Attached.", null, null).getId());
            assertThat(relay.connections()).as("the server hung up: a new connection").isEqualTo(2);
        } finally {
            mailSender.setPort(smtpPort);
        }
        assertThat(Arrays.stream(TestMailServer.server().getReceivedMessages())
                .filter(message -> recipientOf(message).equals(recipient))).hasSize(4);
    }

    /** Passes SMTP connections through to the test mail server, counting them; can hang up on all of them. */
    private static final class CountingRelay implements AutoCloseable {
        private final ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final AtomicInteger accepted = new AtomicInteger();

        CountingRelay(int target) throws IOException {
            daemon(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket client = listening.accept();
                        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                        accepted.incrementAndGet();
                        open.addAll(List.of(client, server));
                        pump(client, server);
                        pump(server, client);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private static void pump(Socket from, Socket to) {
            daemon(() -> {
                try (from; to) {
                    from.getInputStream().transferTo(to.getOutputStream());
                } catch (IOException hungUp) {
                    // one side closed: both go
                }
            });
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "counting-relay");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return listening.getLocalPort();
        }

        int connections() {
            return accepted.get();
        }

        void dropAll() throws IOException {
            for (Socket socket : open) {
                socket.close();
            }
            open.clear();
        }

        @Override
        public void close() throws IOException {
            listening.close();
            dropAll();
        }
    }

    private static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
