package dev.tandem.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import dev.tandem.common.ActingUser;
import dev.tandem.common.Groups;

/**
 * The person the engine acts for right now: set by the REST API's and the webapps' login for each
 * request, and by {@link ActingUser} for Tandem's pages. None means Tandem itself (jobs, delegates,
 * start-up), which the guards trust.
 */
class CurrentUser {

    private final Supplier<IdentityService> identity;

    CurrentUser(Supplier<IdentityService> identity) {
        this.identity = identity;
    }

    String id() {
        Authentication authentication = identity.get().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    boolean isAdministrator() {
        return isIn(Groups.ADMINISTRATORS);
    }

    boolean isIn(String group) {
        Authentication authentication = identity.get().getCurrentAuthentication();
        return authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().contains(group);
    }
}
