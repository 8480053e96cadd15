package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormValues;
import dev.tandem.fieldservice.WorksheetService;

/**
 * "Customer signs" is done when the signature page stored a signature covering the worksheet as
 * it is. After an amendment the technician may say the customer is not there to sign again; the
 * first signature can never be skipped.
 */
@Component("checkSignature")
class CheckSignatureDelegate implements JavaDelegate {

    private final FieldTimers timers;
    private final WorksheetService worksheets;

    CheckSignatureDelegate(FieldTimers timers, WorksheetService worksheets) {
        this.timers = timers;
        this.worksheets = worksheets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean waived = FormValues.flag(execution.getVariable(FieldServiceProcess.SIGNATURE_WAIVED));
        execution.removeVariable(FieldServiceProcess.SIGNATURE_WAIVED);
        worksheets.requireSigned(timers.task(execution), waived);
    }
}
