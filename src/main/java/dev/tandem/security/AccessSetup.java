package dev.tandem.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.tandem.common.Groups;
import dev.tandem.common.TaskNames;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.helpdesk.process.SupportTicketProcess;
import dev.tandem.invoicing.process.InvoiceRunProcess;
import dev.tandem.sales.process.PostpaidSupportProcess;
import dev.tandem.sales.process.PrepaidSupportProcess;
import dev.tandem.timesheets.HolidayCalendar;
import dev.tandem.timesheets.RateSurchargeRules;
import dev.tandem.timesheets.TimeRoundingRules;
import dev.tandem.timesheets.process.LogTimeProcess;

/**
 * Groups, what each may open and do, and each working group's Tasklist filter. Runs at every
 * start, in every profile, and only adds what is missing: an administrator's later changes stay.
 */
@Component
@Order(1)
class AccessSetup implements ApplicationRunner {

    private static final String ALL = Authorization.ANY;

    /** Processes a group may start from Tasklist. */
    private static final Map<String, List<String>> STARTABLE = Map.of(
            Groups.SALES, List.of(PrepaidSupportProcess.KEY, PostpaidSupportProcess.KEY, FieldServiceProcess.KEY),
            Groups.ACCOUNTING, List.of(InvoiceRunProcess.KEY),
            Groups.HELPDESK, List.of(LogTimeProcess.KEY, SupportTicketProcess.KEY),
            Groups.TECHNICIANS, List.of(LogTimeProcess.KEY));

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        group(Groups.SALES, "Sales");
        group(Groups.HELPDESK, "Helpdesk");
        group(Groups.TECHNICIANS, "Technicians");
        group(Groups.ACCOUNTING, "Accounting");
        group(Groups.PROCESS_OWNERS, "Process owners");
        group(Groups.AUDITORS, "Auditors");
        group(Groups.MONITORING, "Monitoring");

        for (String group : Groups.WORKING) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Tasklist names a task's process and draws its diagram only for readable definitions.
            grant(group, Resources.PROCESS_DEFINITION, ALL, Permissions.READ);
            // Recording time evaluates the billing rule tables in the person's name.
            for (String decision : List.of(TimeRoundingRules.DECISION_KEY, RateSurchargeRules.DECISION_KEY,
                    HolidayCalendar.DECISION_KEY)) {
                grant(group, Resources.DECISION_DEFINITION, decision, Permissions.READ, Permissions.CREATE_INSTANCE);
            }
            groupFilter(group);
        }
        // Process owners keep the billing rules' data (the holiday calendar) and are asked in Tasklist.
        groupFilter(Groups.PROCESS_OWNERS);
        myTasksFilter();
        // A group reads and works on the tasks of the processes it works in, one grant per process,
        // and reads their instances (Tasklist's filters show each task's customer and order from
        // its process's variables); StepInputGuard says which steps it completes and claims.
        // Task-by-task grants made by earlier versions are withdrawn: they made Tasklist's filters
        // slow as tasks piled up.
        StepInputGuard.WORKED_BY.forEach((process, steps) -> steps.values().stream().flatMap(List::stream).distinct()
                .forEach(group -> grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ,
                        Permissions.READ_TASK, Permissions.TASK_WORK, Permissions.READ_INSTANCE)));
        withdrawTaskByTaskGrants();
        STARTABLE.forEach((group, keys) -> {
            grant(group, Resources.PROCESS_INSTANCE, ALL, Permissions.CREATE);
            keys.forEach(key -> grant(group, Resources.PROCESS_DEFINITION, key,
                    Permissions.READ, Permissions.CREATE_INSTANCE));
        });

        for (String group : List.of(Groups.AUDITORS, Groups.PROCESS_OWNERS)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ALL, Permissions.READ, Permissions.READ_HISTORY,
                    Permissions.READ_INSTANCE);
            grant(group, Resources.DECISION_DEFINITION, ALL, Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ALL, Permissions.READ);
            grant(group, Resources.PROCESS_INSTANCE, ALL, Permissions.READ);
            grant(group, Resources.TASK, ALL, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ALL, Permissions.READ);
        }
        // Process owners change models, not money: they deploy and migrate, but neither modify,
        // delete nor set variables of running instances (the engine guard refuses that to anyone
        // but administrators too). Rights granted by earlier versions of Tandem are withdrawn.
        grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, ALL, Permissions.CREATE);
        grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ALL, Permissions.MIGRATE_INSTANCE);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ALL, Permissions.UPDATE);
        grant(Groups.PROCESS_OWNERS, Resources.BATCH, ALL, Permissions.READ,
                BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
        withdraw(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, Permissions.DELETE);
        withdraw(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, Permissions.UPDATE, Permissions.UPDATE_INSTANCE,
                Permissions.DELETE_INSTANCE);
        withdraw(Groups.PROCESS_OWNERS, Resources.BATCH, Permissions.CREATE);
        withdraw(Groups.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, Permissions.UPDATE, Permissions.DELETE);
    }

    private void withdrawTaskByTaskGrants() {
        for (List<Authorization> page = taskByTaskGrants(); !page.isEmpty(); page = taskByTaskGrants()) {
            page.forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
        }
    }

    private List<Authorization> taskByTaskGrants() {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(Groups.WORKING.toArray(String[]::new)).resourceType(Resources.TASK).listPage(0, 1_000)
                .stream().filter(authorization -> !ALL.equals(authorization.getResourceId())).toList();
    }

    private void withdraw(String group, Resource resource, Permission... permissions) {
        for (Authorization authorization : authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(ALL).list()) {
            for (Permission permission : permissions) {
                authorization.removePermission(permission);
            }
            authorizations.saveAuthorization(authorization);
        }
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void groupFilter(String group) {
        String name = "Tasks of " + group;
        TaskQuery query = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
        Filter filter = filter(name, query, 0, name + ", open to claim or assigned; soonest due first");
        grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private void myTasksFilter() {
        Filter filter = filter("My tasks", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), 10,
                "Tasks assigned to you; soonest due first");
        Groups.WORKING.forEach(group -> grant(group, Resources.FILTER, filter.getId(), Permissions.READ));
    }

    /**
     * A Tasklist filter, as this version defines it (an existing one is brought up to date): soonest
     * due first, then newest first (where tasks without a due date fall is the database's way with
     * empty values: first on H2, last on PostgreSQL), each task showing its customer and order; the
     * task's name says what it is about ({@code TaskNames}).
     */
    private Filter filter(String name, TaskQuery query, int priority, String description) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query.orderByDueDate().asc().orderByTaskCreateTime().desc());
        filter.setProperties(Map.of("priority", priority, "refresh", true, "description", description,
                "variables", List.of(Map.of("name", TaskNames.CUSTOMER, "label", "Customer"),
                        Map.of("name", TaskNames.ORDER, "label", "Order"))));
        return filters.saveFilter(filter);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId)
                .singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
