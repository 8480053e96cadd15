package dev.tandem.common;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gapless counters (order, ticket, task and invoice numbers). The counter row is locked for
 * the rest of the caller's transaction, so two postings wait for each other and a rollback
 * gives the number back: no duplicate and no gap, on H2 as on PostgreSQL.
 */
@Service
public class NumberSequences {

    private final DocumentSequenceRepository sequences;
    private final TransactionTemplate separateTransaction;

    NumberSequences(DocumentSequenceRepository sequences, PlatformTransactionManager transactionManager) {
        this.sequences = sequences;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int next(String name) {
        return sequences.lock(name).orElseGet(() -> {
            createIfAbsent(name);
            return sequences.lock(name).orElseThrow();
        }).take();
    }

    /** In its own transaction, so a concurrent creator's duplicate key cannot spoil the caller's. */
    private void createIfAbsent(String name) {
        try {
            separateTransaction.executeWithoutResult(status -> {
                if (sequences.findById(name).isEmpty()) {
                    sequences.saveAndFlush(new DocumentSequence(name));
                }
            });
        } catch (DataIntegrityViolationException createdMeanwhile) {
            // another transaction created the counter first: lock theirs
        }
    }
}
