package dev.tandem.audit;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.hibernate.Hibernate;
import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.engine.spi.ActionQueue;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.tandem.common.Audited;

/**
 * Writes the audit trail: Hibernate tells it of every insert, update and delete of an
 * {@link Audited} entity, and it adds one row per property that changed, in the same transaction
 * (through the transaction's own connection, in one batch just before the commit), so a change
 * and its trail commit or roll back together. Who: the Camunda user of the request or engine
 * call, else the page's user, else "system" (jobs, start-up). A change made by a process step
 * also names its process instance. Fields marked {@link Audited.Derived} are left out.
 */
@Component
class AuditTrailRecorder implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    static final String SYSTEM = "system";
    private static final int BATCH = 1000;
    private static final int MAX_VALUE = 4000;

    private final JdbcTemplate jdbc;
    private final IdentityService identity;
    private final Clock clock;

    AuditTrailRecorder(EntityManagerFactory entityManagers, JdbcTemplate jdbc, IdentityService identity, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
        EventListenerRegistry listeners = entityManagers.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        listeners.appendListeners(EventType.POST_INSERT, this);
        listeners.appendListeners(EventType.POST_UPDATE, this);
        listeners.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        if (audited(event.getEntity())) {
            Rows rows = new Rows(event.getEntity(), event.getId(), "INSERT");
            String[] names = event.getPersister().getPropertyNames();
            for (int i = 0; i < names.length; i++) {
                String value = shown(event.getState()[i], event.getSession());
                if (value != null) {
                    rows.add(names[i], null, value);
                }
            }
            write(rows, event.getSession());
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        if (audited(event.getEntity()) && event.getOldState() != null) {
            Rows rows = new Rows(event.getEntity(), event.getId(), "UPDATE");
            String[] names = event.getPersister().getPropertyNames();
            for (int i = 0; i < names.length; i++) {
                String before = shown(event.getOldState()[i], event.getSession());
                String after = shown(event.getState()[i], event.getSession());
                if (!Objects.equals(before, after)) {
                    rows.add(names[i], before, after);
                }
            }
            write(rows, event.getSession());
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        if (audited(event.getEntity())) {
            Rows rows = new Rows(event.getEntity(), event.getId(), "DELETE");
            String[] names = event.getPersister().getPropertyNames();
            for (int i = 0; i < names.length; i++) {
                String value = shown(event.getDeletedState()[i], event.getSession());
                if (value != null) {
                    rows.add(names[i], value, null);
                }
            }
            write(rows, event.getSession());
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    /** Per audited class, the properties marked {@link Audited.Derived}. */
    private static final ClassValue<Set<String>> DERIVED = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> names = new HashSet<>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.isAnnotationPresent(Audited.Derived.class)) {
                        names.add(field.getName());
                    }
                }
            }
            return Set.copyOf(names);
        }
    };

    private static boolean audited(Object entity) {
        return Hibernate.getClass(entity).isAnnotationPresent(Audited.class);
    }

    /** The rows of one change of one entity: a property each, written in one batch. */
    private record Rows(Object entity, Object id, String action, Set<String> derived, List<String[]> properties) {

        Rows(Object entity, Object id, String action) {
            this(entity, id, action, DERIVED.get(Hibernate.getClass(entity)), new ArrayList<>());
        }

        /** A row for the property, unless it is {@link Audited.Derived}. */
        void add(String property, String before, String after) {
            if (!derived.contains(property)) {
                properties.add(new String[] {property, cut(before), cut(after)});
            }
        }
    }

    /**
     * Keeps the change's rows, stamped now with who and when, until the transaction commits; then
     * all of them are written in one batch, after Hibernate's last flush and before the commit, on
     * the transaction's own connection. A rollback drops them with the change.
     */
    private void write(Rows rows, SharedSessionContractImplementor session) {
        if (rows.properties().isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(clock.instant());
        String actor = actor();
        String entity = Hibernate.getClass(rows.entity()).getSimpleName();
        String id = String.valueOf(rows.id());
        String instance = ProcessStepAudit.currentProcessInstance();
        List<Object[]> pending = pendingBySession.computeIfAbsent(session, this::untilCommit);
        for (String[] property : rows.properties()) {
            pending.add(new Object[] {at, actor, entity, id, rows.action(), property[0], property[1], property[2],
                    instance});
        }
    }

    /** The rows a session's transaction has changed so far; written before it commits, forgotten when it ends. */
    private final Map<SharedSessionContractImplementor, List<Object[]>> pendingBySession = new ConcurrentHashMap<>();

    private List<Object[]> untilCommit(SharedSessionContractImplementor session) {
        List<Object[]> pending = new ArrayList<>();
        ActionQueue actions = session.asEventSource().getActionQueue();
        actions.registerProcess((BeforeTransactionCompletionProcess) committing -> {
            if (!pending.isEmpty()) {
                jdbc.batchUpdate("""
                        insert into audit_event (changed_at, changed_by, entity, entity_id, action, property, old_value,
                                                 new_value, process_instance_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", pending, BATCH, (statement, row) -> {
                    statement.setTimestamp(1, (Timestamp) row[0]);
                    for (int i = 1; i < row.length; i++) {
                        statement.setString(i + 1, (String) row[i]);
                    }
                });
            }
        });
        actions.registerProcess((AfterTransactionCompletionProcess) (success, ended) -> pendingBySession.remove(session));
        return pending;
    }

    private String actor() {
        Authentication camunda = identity.getCurrentAuthentication();
        if (camunda != null && camunda.getUserId() != null) {
            return camunda.getUserId();
        }
        var page = SecurityContextHolder.getContext().getAuthentication();
        if (page != null && page.isAuthenticated() && !(page instanceof AnonymousAuthenticationToken)) {
            return page.getName();
        }
        return SYSTEM;
    }

    /** A value as an auditor reads it: entities by id, amounts in plain digits, binary by size; collections are left to their own rows. */
    private static String shown(Object value, SharedSessionContractImplementor session) {
        if (value == null || value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return null;
        }
        if (value instanceof HibernateProxy proxy) {
            return String.valueOf(proxy.getHibernateLazyInitializer().getIdentifier());
        }
        if (value.getClass().isAnnotationPresent(Entity.class)) {
            return String.valueOf(session.getEntityPersister(null, value).getIdentifier(value, session));
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value.toString();
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }
}
