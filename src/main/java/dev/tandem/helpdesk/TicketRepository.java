package dev.tandem.helpdesk;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketRepository extends JpaRepository<Ticket, Long> {

    Optional<Ticket> findByNumber(String number);

    /** The ticket a support-ticket instance is about, by its business key; missing is a technical failure. */
    default Ticket ofInstance(String businessKey) {
        return findByNumber(businessKey)
                .orElseThrow(() -> new IllegalStateException("No ticket " + businessKey + " for this instance"));
    }
}
