package dev.tandem.fieldservice.process;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.ActingUser;
import dev.tandem.common.BillingException;
import dev.tandem.common.NotFound;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.fieldservice.Worksheet;
import dev.tandem.fieldservice.WorksheetReport;
import dev.tandem.fieldservice.WorksheetService;
import dev.tandem.fieldservice.WorksheetSignature;

/**
 * The field-service steps the pages drive beyond the timer buttons: the worksheet the customer
 * reads and signs, the signature, which completes "Customer signs", and time added to a task that is already done, which starts
 * an instance at the timer through the message start event.
 */
@Service
@Transactional
public class FieldTaskSteps {

    private final WorksheetService worksheets;
    private final FieldTaskRepository fieldTasks;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ActingUser acting;
    private final WorksheetReport report;

    FieldTaskSteps(WorksheetService worksheets, FieldTaskRepository fieldTasks, TaskService tasks,
                   RuntimeService runtime, ActingUser acting, WorksheetReport report) {
        this.report = report;
        this.worksheets = worksheets;
        this.fieldTasks = fieldTasks;
        this.tasks = tasks;
        this.runtime = runtime;
        this.acting = acting;
    }

    /** The "Customer signs" step waiting for this field task, if any. */
    public Task signatureStep(String taskNumber) {
        return tasks.createTaskQuery().processDefinitionKey(FieldServiceProcess.KEY)
                .processInstanceBusinessKey(taskNumber)
                .taskDefinitionKey(FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS).singleResult();
    }

    /** What the customer reads before signing, with the last signature if there is one. */
    public record Sheet(String number, String customer, String site, String description, List<Time> time,
                        List<String> materials, String answers, String signedBy, String signedAt, boolean canSign) {
    }

    public record Time(LocalDate workDate, String technician, String description, String billed, boolean amendment) {
    }

    /** The worksheet as the signature page shows it; it can be signed while Customer signs waits and the content changed since the last signature. */
    @Transactional(readOnly = true)
    public Sheet signatureSheet(String taskNumber) {
        Worksheet worksheet = worksheets.of(taskNumber);
        FieldTask task = worksheet.getFieldTask();
        Optional<WorksheetSignature> last = worksheet.lastSignature();
        return new Sheet(task.getNumber(), task.getCustomer().getName(), task.getSite(), task.getDescription(),
                worksheets.time(worksheet).stream().map(entry -> new Time(entry.getWorkDate(),
                        entry.getEmployee().getName(), entry.getDescription(), entry.getBilledTime(),
                        entry.isAmendment())).toList(),
                worksheet.getMaterials().stream().map(line -> "%s × %s".formatted(
                        line.getOrderedQuantity().stripTrailingZeros().toPlainString(),
                        line.getProduct().getName())).toList(),
                worksheet.getAnswers(),
                last.map(WorksheetSignature::getSignerName).orElse(null),
                last.map(signature -> report.localTime(signature.getSignedAt())).orElse(null),
                signatureStep(taskNumber) != null && !worksheets.signatureCoversContent(worksheet));
    }

    /**
     * The task's technician, or refused as unknown: technicians see only their own tasks, so as
     * not to learn of another's customer and worksheet.
     */
    @Transactional(readOnly = true)
    public void checkTechnician(String taskNumber, String userId) {
        FieldTask task = fieldTasks.findByNumber(taskNumber).orElseThrow(() -> NotFound.of("field task", taskNumber));
        if (task.getTechnician() == null || !userId.equals(task.getTechnician().getUserId())) {
            throw NotFound.of("field task", taskNumber);
        }
    }

    /**
     * Stores the signature and, in the same transaction, completes "Customer signs" in the
     * technician's name: the customer signs only while that step waits, so a signature never
     * exists without its step moving on, and time on the task is an amendment only after it.
     */
    public WorksheetSignature sign(String taskNumber, String signerName, byte[] png, String userId) {
        fieldTasks.lockByNumber(taskNumber).orElseThrow(() -> NotFound.of("field task", taskNumber));
        Task step = signatureStep(taskNumber);
        if (step == null) {
            throw new BillingException(("%s is not waiting for the customer's signature: it is signed at the step "
                    + "Customer signs, after the worksheet.").formatted(taskNumber));
        }
        WorksheetSignature signature = worksheets.sign(taskNumber, signerName, png);
        acting.as(userId, () -> {
            tasks.complete(step.getId());
            return step;
        });
        return signature;
    }

    /**
     * Time to add to a done, signed task of this technician: a new field-service instance starts at
     * the timer and ends once the amended report is sent. Refused while the task has an open step.
     */
    public void addTimeAfterDone(String taskNumber, String userId) {
        FieldTask task = fieldTasks.lockByNumber(taskNumber).orElseThrow(() -> NotFound.of("field task", taskNumber));
        if (task.getTechnician() == null || !userId.equals(task.getTechnician().getUserId())) {
            throw new BillingException("%s is not one of your field tasks.".formatted(taskNumber));
        }
        if (task.getState() != FieldTask.State.DONE || !worksheets.of(task).isSigned()) {
            throw new BillingException("Time can be added this way only to a task that is signed and done; %s is not."
                    .formatted(taskNumber));
        }
        if (runtime.createProcessInstanceQuery().processDefinitionKey(FieldServiceProcess.KEY)
                .processInstanceBusinessKey(taskNumber).count() > 0) {
            throw new BillingException("%s already has an open step: continue there.".formatted(taskNumber));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(FieldServiceProcess.FIELD_TASK_NUMBER, task.getNumber());
        variables.put(FieldServiceProcess.CUSTOMER_NAME, task.getCustomer().getName());
        variables.put(FieldServiceProcess.ORDER_NUMBER, task.getSalesOrder().getNumber());
        variables.put(FieldServiceProcess.SITE, task.getSite());
        variables.put(FieldServiceProcess.DESCRIPTION, task.getDescription());
        variables.put(FieldServiceProcess.TECHNICIAN, userId);
        variables.put(FieldServiceProcess.REOPENED, true);
        runtime.createMessageCorrelation(FieldServiceProcess.MESSAGE_TIME_ADDED_AFTER_DONE)
                .processInstanceBusinessKey(taskNumber)
                .setVariables(variables)
                .correlateStartMessage();
    }
}
