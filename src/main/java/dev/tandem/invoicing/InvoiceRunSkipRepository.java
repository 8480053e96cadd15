package dev.tandem.invoicing;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InvoiceRunSkipRepository extends JpaRepository<InvoiceRunSkip, Long> {

    List<InvoiceRunSkip> findByInvoiceRunOrderByOrderNumber(String invoiceRun);

    List<InvoiceRunSkip> findByInvoiceRunOrderByOrderNumber(String invoiceRun, Pageable page);
}
