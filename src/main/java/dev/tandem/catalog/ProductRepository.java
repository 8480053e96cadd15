package dev.tandem.catalog;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.tandem.common.BillingException;

public interface ProductRepository extends JpaRepository<Product, Long> {

    Optional<Product> findByCode(String code);

    /** The product a person gave by code in a form; refused with a message when there is none. */
    default Product coded(String code) {
        if (code == null) {
            throw new BillingException("Give the product code.");
        }
        return findByCode(code).orElseThrow(() -> new BillingException("Unknown product %s.".formatted(code)));
    }
}
