package dev.tandem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/**
 * One model on an in-memory engine of its own, without Spring and without Tandem's delegates: every
 * delegate and listener the model names is a stand-in that does nothing unless a test says what it
 * does. So a test walks the model's paths (its gateways, sub-processes, boundary events and loops)
 * in well under a second, and a change to the drawing that breaks a path fails here first.
 * Camunda BPM Assert's {@code assertThat}, {@code task} and the like use this engine until it is
 * closed.
 */
public final class ModelOnly implements AutoCloseable {

    private static final Pattern BEAN = Pattern.compile("\\$\\{([a-zA-Z]+)}");

    /** A stand-in for a delegate or a task listener of the model. */
    public interface Step extends JavaDelegate, TaskListener {

        void run(DelegateExecution execution) throws Exception;

        @Override
        default void execute(DelegateExecution execution) throws Exception {
            run(execution);
        }

        @Override
        default void notify(DelegateTask task) {
        }
    }

    public final ProcessEngine engine;
    private final Map<Object, Object> beans = new HashMap<>();

    /** The model, and the models its call activities call (their delegates are stand-ins too). */
    public ModelOnly(String model, String... called) throws IOException {
        List<Path> files = Stream.concat(Stream.of(model), Stream.of(called))
                .map(name -> Path.of("processes", name + ".bpmn")).toList();
        for (Path file : files) {
            Matcher names = BEAN.matcher(Files.readString(file));
            while (names.find()) {
                beans.putIfAbsent(names.group(1), (Step) execution -> {
                });
            }
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:model-" + model + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY)
                .setProcessEngineName("model-" + model + "-" + System.nanoTime());
        configuration.setBeans(beans);
        engine = configuration.buildProcessEngine();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment();
        for (Path file : files) {
            deployment.addString(file.getFileName().toString(), Files.readString(file));
        }
        deployment.deploy();
        BpmnAwareTests.init(engine);
    }

    /** What the delegate or listener of this name does in this test. */
    public ModelOnly with(String bean, Step step) {
        beans.put(bean, step);
        return this;
    }

    /** Runs the waiting jobs (asynchronous steps) until none is left. */
    public void runJobs() {
        for (Job job; (job = engine.getManagementService().createJobQuery().executable().listPage(0, 1).stream()
                .findFirst().orElse(null)) != null; ) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    @Override
    public void close() {
        // Camunda BPM Assert keeps the engine per thread: the tests after this one use Spring's engine.
        BpmnAwareTests.reset();
        engine.close();
    }
}
