package dev.tandem.helpdesk;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HelpdeskTeamRepository extends JpaRepository<HelpdeskTeam, Long> {

    Optional<HelpdeskTeam> findByName(String name);
}
