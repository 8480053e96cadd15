package dev.tandem.helpdesk.process;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormOptions;
import dev.tandem.common.StartFormChoices;
import dev.tandem.helpdesk.HelpdeskTeamRepository;

/** The helpdesk teams a new ticket can go to, for the ticket's start form. */
@Component
class TeamChoices implements StartFormChoices {

    private final HelpdeskTeamRepository teams;

    TeamChoices(HelpdeskTeamRepository teams) {
        this.teams = teams;
    }

    @Override
    public Map<String, List<Map<String, String>>> choices() {
        return Map.of("teamChoices", teams.findAll(Sort.by("name")).stream()
                .map(team -> FormOptions.option(team.getName(), team.getName())).toList());
    }
}
