package dev.tandem.common;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "document_sequence")
class DocumentSequence {

    @Id
    private String name;

    private int nextValue;

    protected DocumentSequence() {
    }

    DocumentSequence(String name) {
        this.name = name;
        this.nextValue = 1;
    }

    int take() {
        return nextValue++;
    }
}
