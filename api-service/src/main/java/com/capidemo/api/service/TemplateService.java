package com.capidemo.api.service;

import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.core.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The template library as the API offers it: listed, filtered by industry, one by id (unknown 404). */
@ApplicationScoped
public class TemplateService {

    private final TemplateLibrary templates;

    public TemplateService(TemplateLibrary templates) {
        this.templates = templates;
    }

    /** Every template, or those of an industry (case-insensitive, the full industry or one of its words). */
    public List<TemplateDefinition> list(Optional<String> industry) {
        return templates.all().stream()
                .filter(t -> industry.filter(i -> !i.isBlank()).map(i -> matches(t, i)).orElse(true))
                .toList();
    }

    public TemplateDefinition get(String templateId) {
        return templates.find(templateId).orElseThrow(() -> ApiProblem.notFound("template", templateId));
    }

    static boolean matches(TemplateDefinition t, String industry) {
        String wanted = industry.toLowerCase(Locale.ROOT).strip();
        String have = t.industry().toLowerCase(Locale.ROOT);
        return have.equals(wanted) || List.of(have.split("[^a-z0-9]+")).contains(wanted);
    }
}
