package dev.tandem.fieldservice.process;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormOptions;
import dev.tandem.common.StartFormChoices;
import dev.tandem.common.Groups;

/** The technicians an intervention can be planned for (members of the technicians group). */
@Component
class TechnicianChoices implements StartFormChoices {

    private final IdentityService identity;

    TechnicianChoices(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Map<String, List<Map<String, String>>> choices() {
        return Map.of("technicianChoices", identity.createUserQuery().memberOfGroup(Groups.TECHNICIANS)
                .orderByUserLastName().asc().listPage(0, LONGEST).stream()
                .map(user -> FormOptions.option(user.getId(), "%s %s (%s)".formatted(
                        Objects.toString(user.getFirstName(), ""), Objects.toString(user.getLastName(), ""),
                        user.getId()).strip()))
                .toList());
    }
}
