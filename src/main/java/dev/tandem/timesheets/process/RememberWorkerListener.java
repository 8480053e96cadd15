package dev.tandem.timesheets.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.tandem.common.StepCompleter;

/** On completion, keeps who did the task, so the time is logged in their name. */
@Component("rememberWorker")
class RememberWorkerListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariable(LogTimeProcess.LOGGED_BY, StepCompleter.of(task));
    }
}
