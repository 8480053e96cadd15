package dev.tandem.common;

/**
 * Says whose the steps of one process's instances are, from Tandem's own records: only that
 * person may complete them, and nobody may hand them to somebody else (the engine guard checks).
 * A Spring bean per process whose steps belong to one person.
 */
public interface StepOwner {

    String processKey();

    /** The user id the steps of the instance with this business key belong to. */
    String ownerOf(String businessKey);
}
