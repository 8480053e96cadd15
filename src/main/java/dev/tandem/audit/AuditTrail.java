package dev.tandem.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the audit trail; nothing in Tandem changes or deletes it. */
@Service
public class AuditTrail {

    /** One property of one record changed: INSERT (new value), UPDATE (old and new) or DELETE (old value). */
    public record Change(Instant changedAt, String changedBy, String entity, String entityId, String action,
                         String property, String oldValue, String newValue, String processInstanceId) {
    }

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest changes, newest first, filtered by what changed (class name, e.g. Invoice), by whom
     * and when (instants, either may be null), at most {@code max}.
     */
    public List<Change> recent(String entity, String changedBy, Instant from, Instant until, int max) {
        StringBuilder sql = new StringBuilder("""
                select changed_at, changed_by, entity, entity_id, action, property, old_value, new_value,
                       process_instance_id
                from audit_event where 1 = 1""");
        List<Object> arguments = new ArrayList<>();
        if (entity != null) {
            sql.append(" and entity = ?");
            arguments.add(entity);
        }
        if (changedBy != null) {
            sql.append(" and changed_by = ?");
            arguments.add(changedBy);
        }
        if (from != null) {
            sql.append(" and changed_at >= ?");
            arguments.add(Timestamp.from(from));
        }
        if (until != null) {
            sql.append(" and changed_at < ?");
            arguments.add(Timestamp.from(until));
        }
        sql.append(" order by id desc fetch first ").append(max).append(" rows only");
        return jdbc.query(sql.toString(), this::change, arguments.toArray());
    }

    /** The history of one record, oldest first; {@code entity} is the class name, e.g. TimesheetEntry. */
    public List<Change> of(String entity, Object id) {
        return jdbc.query("""
                select changed_at, changed_by, entity, entity_id, action, property, old_value, new_value,
                       process_instance_id
                from audit_event where entity = ? and entity_id = ? order by id""",
                this::change, entity, String.valueOf(id));
    }

    private Change change(ResultSet row, int number) throws SQLException {
        return new Change(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9));
    }
}
