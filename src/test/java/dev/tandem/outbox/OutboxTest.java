package dev.tandem.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestMailServer;

@TandemIntegrationTest
class OutboxTest {

    @Autowired Outbox outbox;
    @Autowired OutboundMailRepository mails;
    @Autowired PlatformTransactionManager transactions;

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

    private static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
