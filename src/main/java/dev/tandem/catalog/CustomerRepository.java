package dev.tandem.catalog;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.tandem.common.BillingException;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    Optional<Customer> findByName(String name);

    /** The customer a person named in a form; refused with a message when there is none. */
    default Customer named(String name) {
        if (name == null) {
            throw new BillingException("Name the customer.");
        }
        return findByName(name).orElseThrow(() -> new BillingException("Unknown customer %s.".formatted(name)));
    }
}
