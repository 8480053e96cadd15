package dev.tandem.common;

/** Builds the refusal for an id that names nothing, as sent by a form or a request. */
public final class NotFound {

    private NotFound() {
    }

    public static BillingException of(String what, Object id) {
        return new BillingException("Unknown " + what + " " + id + ".");
    }
}
