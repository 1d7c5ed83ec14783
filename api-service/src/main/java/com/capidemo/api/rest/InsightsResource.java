package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.InsightsService;
import com.capidemo.core.web.ApiProblem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The team's numbers per month and per user, for tenant admins. */
@Path("/api/insights")
@Produces(MediaType.APPLICATION_JSON)
public class InsightsResource {

    private final InsightsService service;
    private final CallerContext caller;

    public InsightsResource(InsightsService service, CallerContext caller) {
        this.service = service;
        this.caller = caller;
    }

    /** {@code months} (default 6, 1 to 24): the current calendar month and the ones before it. Members 403. */
    @GET
    public InsightsService.Insights insights(@QueryParam("months") String months) {
        return service.insights(caller.caller(), months(months));
    }

    private static int months(String value) {
        if (value == null || value.isEmpty()) {
            return InsightsService.DEFAULT_MONTHS;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= InsightsService.MAX_MONTHS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalid("months", "must be a whole number from 1 to " + InsightsService.MAX_MONTHS);
    }
}
