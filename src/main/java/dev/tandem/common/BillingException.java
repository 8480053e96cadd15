package dev.tandem.common;

/**
 * A refusal a person can act on: bad input or a billing rule that forbids the action.
 * The message is written for the person and shown as it is; nothing was saved.
 */
public class BillingException extends RuntimeException {

    public BillingException(String message) {
        super(message);
    }
}
