package dev.tandem.audit.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** {@code /camunda/api/cockpit/plugin/tandem-audit/...}: the page's assets, and the lineage per engine. */
@Path("plugin/" + AuditCockpitPlugin.ID)
public class AuditRootResource extends AbstractCockpitPluginRootResource {

    public AuditRootResource() {
        super(AuditCockpitPlugin.ID);
    }

    @Path("{engine}/billing")
    public AuditResource billing(@PathParam("engine") String engine) {
        return subResource(new AuditResource(engine), engine);
    }
}
