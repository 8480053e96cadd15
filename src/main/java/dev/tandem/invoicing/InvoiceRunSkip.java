package dev.tandem.invoicing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An order an invoice run left out, and why (nothing to invoice, invoiced a moment earlier by another run). */
@Entity
public class InvoiceRunSkip {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String invoiceRun;
    private String orderNumber;
    private String reason;

    protected InvoiceRunSkip() {
    }

    InvoiceRunSkip(String invoiceRun, String orderNumber, String reason) {
        this.invoiceRun = invoiceRun;
        this.orderNumber = orderNumber;
        this.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public String getReason() {
        return reason;
    }
}
