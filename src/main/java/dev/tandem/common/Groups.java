package dev.tandem.common;

import java.util.List;

/** Tandem's groups (DESIGN.md section 5); Camunda group ids. */
public final class Groups {

    public static final String SALES = "sales";
    public static final String HELPDESK = "helpdesk";
    public static final String TECHNICIANS = "technicians";
    public static final String ACCOUNTING = "accounting";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String AUDITORS = "auditors";
    public static final String ADMINISTRATORS = "camunda-admin";
    /** The account Prometheus scrapes metrics with: no webapp, no process, no data. */
    public static final String MONITORING = "monitoring";

    /** The groups that work tasks in Tasklist. */
    public static final List<String> WORKING = List.of(SALES, HELPDESK, TECHNICIANS, ACCOUNTING);

    private Groups() {
    }
}
