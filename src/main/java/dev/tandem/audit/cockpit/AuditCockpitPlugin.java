package dev.tandem.audit.cockpit;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Tandem's Cockpit plugin for auditors, found by Cockpit through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}. Cockpit loads its
 * page from {@code plugin-webapp/tandem-audit/app/plugin.js}; the page reads the engine's history
 * through Cockpit's own REST API and Tandem's billing lineage through {@link AuditResource}.
 */
public class AuditCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "tandem-audit";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(AuditRootResource.class);
    }
}
