package dev.tandem.invoicing;

/** Invoice status of an order line or a whole order, derived by {@link OrderFigures}. */
public enum InvoiceStatus { NOTHING, TO_INVOICE, UPSELLING, INVOICED }
