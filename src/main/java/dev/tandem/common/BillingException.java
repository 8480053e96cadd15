package dev.tandem.common;

/**
 * A refusal a person can act on: bad input or a billing rule that forbids the action.
 * The message is written for the person and shown as it is; nothing was saved.
 * <p>
 * Services refuse before they write anything, so a refusal does not roll back the caller's
 * transaction ({@code noRollbackFor}): a delegate lets it out, {@link ModelledRefusal} hands it to
 * the model's error boundary event, and the engine's step still commits.
 */
public class BillingException extends RuntimeException {

    public BillingException(String message) {
        super(message);
    }
}
