package dev.tandem.common;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls in a person's name, with their groups, as Tasklist does: Camunda checks their
 * authorizations, and fields such as a process's initiator record who it was.
 */
@Component
public class ActingUser {

    private final IdentityService identity;

    ActingUser(IdentityService identity) {
        this.identity = identity;
    }

    public <T> T as(String userId, Supplier<T> work) {
        identity.setAuthentication(userId, identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
