package com.capidemo.core.web;

import com.capidemo.core.domain.Ids;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Ids in paths, once for every endpoint of every service: a path parameter named {@code id}, {@code …Id} or
 * {@code …_id} (job, demo, run, conversation, template, tenant, key ids) must have the form of {@link Ids#WELL_FORMED}
 * (at most 64 letters, digits, '_' or '-'), else the request is 400 {@code malformed-request} before any lookup, log
 * line or store query sees the value.
 */
public class PathIdFilter {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void check(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> param :
                request.getUriInfo().getPathParameters().entrySet()) {
            if (isId(param.getKey()) && !param.getValue().stream().allMatch(Ids::isWellFormed)) {
                throw new ApiProblem(
                        400,
                        "malformed-request",
                        "Malformed request",
                        "the path's " + SNAKE.translate(param.getKey())
                                + " is not an id (at most 64 letters, digits, '_' or '-')");
            }
        }
    }

    static boolean isId(String name) {
        return name.equals("id") || name.endsWith("Id") || name.endsWith("_id");
    }
}
