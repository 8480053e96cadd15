package dev.tandem.fieldservice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;

import dev.tandem.common.Audited;
import dev.tandem.sales.SalesOrderLine;

/**
 * What the technician reports of a field task: the answers (what was found and done), the
 * materials used (delivered lines on the task's order) and the customer's signatures.
 */
@Entity
@Audited
public class Worksheet {

    @Id
    private Long fieldTaskId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "field_task_id")
    private FieldTask fieldTask;

    private String answers;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "worksheet_material", joinColumns = @JoinColumn(name = "field_task_id"),
            inverseJoinColumns = @JoinColumn(name = "sales_order_line_id"))
    private List<SalesOrderLine> materials = new ArrayList<>();

    @OneToMany(mappedBy = "worksheet", cascade = CascadeType.ALL)
    @OrderBy("signedAt, id")
    private List<WorksheetSignature> signatures = new ArrayList<>();

    protected Worksheet() {
    }

    Worksheet(FieldTask fieldTask) {
        this.fieldTask = fieldTask;
    }

    public FieldTask getFieldTask() {
        return fieldTask;
    }

    public String getAnswers() {
        return answers;
    }

    void answer(String answers) {
        this.answers = answers;
    }

    public List<SalesOrderLine> getMaterials() {
        return List.copyOf(materials);
    }

    void addMaterial(SalesOrderLine line) {
        materials.add(line);
    }

    /** Every signature given, the first one first. */
    public List<WorksheetSignature> getSignatures() {
        return List.copyOf(signatures);
    }

    public Optional<WorksheetSignature> lastSignature() {
        return signatures.stream().max(Comparator.comparing(WorksheetSignature::getSignedAt));
    }

    public boolean isSigned() {
        return !signatures.isEmpty();
    }

    void add(WorksheetSignature signature) {
        signatures.add(signature);
    }
}
