package dev.tandem.outbox;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboundMailRepository extends JpaRepository<OutboundMail, Long> {

    long countByState(OutboundMail.State state);

    /** The copies of a mail (sent again), oldest first. */
    List<OutboundMail> findByCopyOfOrderById(Long mailId);

    /** Mails not sent yet whose last attempt failed. */
    long countByStateAndLastErrorIsNotNull(OutboundMail.State state);
}
