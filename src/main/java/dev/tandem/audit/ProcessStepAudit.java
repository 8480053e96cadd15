package dev.tandem.audit;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.impl.bpmn.delegate.ExecutionListenerInvocation;
import org.camunda.bpm.engine.impl.bpmn.delegate.JavaDelegateInvocation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.task.delegate.TaskListenerInvocation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.tandem.common.BillingException;
import dev.tandem.common.ModelledRefusal;

/**
 * Ties billing changes to the process step that made them: while a delegate or listener runs, its
 * process instance is known here, and its JPA changes are flushed before it returns, so the audit
 * trail names the step's process instance (rather than leaving the changes to the commit, when
 * no step is running any more). A failing change thus also fails at the step that made it; its
 * audit rows are written with the others just before the commit.
 * <p>
 * Being the engine's one delegate interceptor, it also hands a delegate's refusal to the model
 * ({@link ModelledRefusal}).
 */
@Component
class ProcessStepAudit extends AbstractProcessEnginePlugin {

    private static final ThreadLocal<String> PROCESS_INSTANCE = new ThreadLocal<>();

    private final EntityManager entityManager;

    ProcessStepAudit(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A delegate or a listener: Tandem code that may change billing data. */
    private static boolean isStep(DelegateInvocation invocation) {
        return invocation instanceof JavaDelegateInvocation || invocation instanceof ExecutionListenerInvocation
                || invocation instanceof TaskListenerInvocation;
    }

    /** The process instance whose step is running on this thread, or null. */
    static String currentProcessInstance() {
        return PROCESS_INSTANCE.get();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDelegateInterceptor(new DefaultDelegateInterceptor() {
            @Override
            public void handleInvocation(DelegateInvocation invocation) throws Exception {
                if (!isStep(invocation)) {
                    // Expressions, conditions and decisions change no billing data: no flush for them.
                    super.handleInvocation(invocation);
                    return;
                }
                String outer = PROCESS_INSTANCE.get();
                BaseDelegateExecution execution = invocation.getContextExecution();
                if (execution instanceof DelegateExecution step) {
                    PROCESS_INSTANCE.set(step.getProcessInstanceId());
                }
                try {
                    try {
                        super.handleInvocation(invocation);
                    } catch (BillingException refused) {
                        throw invocation instanceof JavaDelegateInvocation && execution instanceof DelegateExecution running
                                ? ModelledRefusal.of(refused, running) : refused;
                    }
                    if (TransactionSynchronizationManager.isActualTransactionActive()) {
                        entityManager.flush();
                    }
                } finally {
                    if (outer == null) {
                        PROCESS_INSTANCE.remove();
                    } else {
                        PROCESS_INSTANCE.set(outer);
                    }
                }
            }
        });
    }
}
