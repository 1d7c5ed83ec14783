package com.capidemo.api.rest;

import com.capidemo.api.security.TooManyAttempts;
import com.capidemo.core.web.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problem+json of a {@link TooManyAttempts}, with its Retry-After header. */
public class TooManyAttemptsMapper {

    @ServerExceptionMapper
    public Response tooMany(TooManyAttempts e, UriInfo uri) {
        Problem body = new Problem(
                Problem.TYPE_BASE + e.type(),
                e.title(),
                e.status(),
                e.getMessage(),
                uri == null ? null : uri.getPath(),
                List.of());
        return Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .entity(body)
                .build();
    }
}
