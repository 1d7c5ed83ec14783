package com.capidemo.api.service;

import com.capidemo.core.port.JobStore;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.core.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The template library as the API offers it: listed, filtered by industry, one by id (unknown 404), each with how soon
 * a quick start of it is ready on this platform.
 */
@ApplicationScoped
public class TemplateService {

    /** Completed quick provisions of a template the median is taken over. */
    static final int RECENT = 20;

    /**
     * How soon a quick start is ready: {@code seconds} is the median (p50) of the template's last {@code provisions}
     * completed quick provisions here ({@code source} "measured"), or the template's estimate when none completed yet
     * ({@code source} "estimate", provisions 0).
     */
    public record ReadyIn(int seconds, String source, int provisions) {}

    private final TemplateLibrary templates;
    private final JobStore jobs;

    public TemplateService(TemplateLibrary templates, JobStore jobs) {
        this.templates = templates;
        this.jobs = jobs;
    }

    /** Measured (p50 of the recent quick provisions, one bounded index read per template) or estimated. */
    public ReadyIn readyIn(TemplateDefinition t) {
        return median(t.estimatedSeconds(), jobs.recentQuickDurations(t.templateId(), RECENT));
    }

    static ReadyIn median(int estimate, List<Duration> durations) {
        if (durations.isEmpty()) {
            return new ReadyIn(estimate, "estimate", 0);
        }
        List<Long> ms =
                new ArrayList<>(durations.stream().map(Duration::toMillis).toList());
        Collections.sort(ms);
        int n = ms.size();
        double p50 = n % 2 == 1 ? ms.get(n / 2) : (ms.get(n / 2 - 1) + ms.get(n / 2)) / 2.0;
        return new ReadyIn((int) Math.max(1, Math.round(p50 / 1000.0)), "measured", n);
    }

    /** Every template, or those of an industry (case-insensitive, the full industry or one of its words). */
    public List<TemplateDefinition> list(Optional<String> industry) {
        return templates.all().stream()
                .filter(t -> industry.filter(i -> !i.isBlank())
                        .map(i -> matches(t, i))
                        .orElse(true))
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
