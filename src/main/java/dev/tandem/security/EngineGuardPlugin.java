package dev.tandem.security;

import java.util.ArrayList;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormFigures;
import dev.tandem.common.StepOwner;

/**
 * Puts Tandem's guards into the engine before it starts, so they hold for every channel:
 * <ul>
 * <li>{@link StepInputGuard}: a start or a completion takes its form's inputs only, and
 * field-service steps stay with their technician;</li>
 * <li>{@link InstanceChangeGuard}: running instances change through their steps only;</li>
 * <li>{@link DeploymentGuard}: models run nothing but Tandem's published beans.</li>
 * </ul>
 * Login throttling is configured in {@code application.yml}: a stranger can slow a login down but
 * never lock an account.
 */
@Component
class EngineGuardPlugin extends AbstractProcessEnginePlugin {

    private final ListableBeanFactory beans;

    EngineGuardPlugin(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CurrentUser currentUser = new CurrentUser(configuration::getIdentityService);
        StepInputGuard inputs = new StepInputGuard(currentUser, () -> beans.getBeansOfType(StepOwner.class).values()
                .stream().collect(Collectors.toMap(StepOwner::processKey, owner -> owner)),
                () -> beans.getBeansOfType(FormFigures.class).values());
        configuration.setResourceAuthorizationProvider(new TaskAuthorizationsByProcess());
        configuration.setTaskService(inputs.new GuardedTaskService());
        configuration.setFormService(inputs.new GuardedFormService());
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(inputs.startEvents());

        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        InstanceChangeGuard instances = new InstanceChangeGuard(currentUser);
        configuration.getCustomPreCommandInterceptorsTxRequired().add(instances);
        configuration.setRuntimeService(new RuntimeServiceImpl() {
            @Override
            public MigrationPlanExecutionBuilder newMigration(MigrationPlan plan) {
                instances.checkMigration(plan, definitionId -> commandExecutor.execute(context -> context
                        .getProcessEngineConfiguration().getDeploymentCache()
                        .findDeployedProcessDefinitionById(definitionId).getKey()));
                return super.newMigration(plan);
            }
        });

        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new DeploymentGuard(this::publishedBeans));
    }

    /** The beans a model may name in a delegate expression: Tandem's delegates and listeners. */
    private Set<String> publishedBeans() {
        return Stream.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)
                .flatMap(type -> Stream.of(beans.getBeanNamesForType(type, false, false)))
                .filter(name -> beans.getType(name, false) != null
                        && beans.getType(name, false).getPackageName().startsWith("dev.tandem"))
                .collect(Collectors.toSet());
    }
}
