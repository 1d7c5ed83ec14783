package com.capidemo.api.rest;

import com.capidemo.api.service.TemplateService;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TemplateDefinition;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Path("/api/templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    /**
     * A template card for the library listing; {@code readyIn} is how soon a quick start of it was ready here
     * (median of recent provisions) or, before any, its estimate.
     */
    public record TemplateSummary(
            String templateId,
            String name,
            String industry,
            String description,
            int tableCount,
            long totalRows,
            int estimatedSeconds,
            int goldenQueryCount,
            List<String> tags,
            TemplateService.ReadyIn readyIn) {}

    /** Everything about one template, golden queries included. */
    public record TemplateDetail(
            String templateId,
            String name,
            String industry,
            String description,
            int tableCount,
            long totalRows,
            Map<String, Long> tables,
            int estimatedSeconds,
            List<String> tags,
            List<GoldenQuery> goldenQueries,
            String parquetLocation,
            TemplateService.ReadyIn readyIn) {}

    private final TemplateService templates;

    public TemplateResource(TemplateService templates) {
        this.templates = templates;
    }

    /** Template cards; {@code industry} filters by the full industry or one of its words ("retail"). */
    @GET
    public List<TemplateSummary> list(@QueryParam("industry") String industry) {
        return templates.list(Optional.ofNullable(industry)).stream()
                .map(t -> new TemplateSummary(
                        t.templateId(),
                        t.name(),
                        t.industry(),
                        t.description(),
                        t.tableCount(),
                        t.totalRows(),
                        t.estimatedSeconds(),
                        t.goldenQueries().size(),
                        t.tags(),
                        templates.readyIn(t)))
                .toList();
    }

    @GET
    @Path("/{templateId}")
    public TemplateDetail get(@PathParam("templateId") String templateId) {
        TemplateDefinition t = templates.get(templateId);
        Map<String, Long> tables = new LinkedHashMap<>();
        t.tables().forEach(table -> tables.put(table.name(), table.rows()));
        return new TemplateDetail(
                t.templateId(),
                t.name(),
                t.industry(),
                t.description(),
                t.tableCount(),
                t.totalRows(),
                tables,
                t.estimatedSeconds(),
                t.tags(),
                t.domainGoldenQueries(),
                TemplateLibrary.BUCKET + "/" + t.templateId() + "/",
                templates.readyIn(t));
    }
}
