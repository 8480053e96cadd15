package dev.tandem.outbox;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboundMailRepository extends JpaRepository<OutboundMail, Long> {

    long countByState(OutboundMail.State state);

    /** Mails not sent yet whose last attempt failed. */
    long countByStateAndLastErrorIsNotNull(OutboundMail.State state);
}
