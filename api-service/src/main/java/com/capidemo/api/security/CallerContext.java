package com.capidemo.api.security;

import com.capidemo.core.domain.Caller;
import com.capidemo.core.web.ApiProblem;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request, set by {@link ApiKeyFilter}. */
@RequestScoped
public class CallerContext {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller caller() {
        if (caller == null) {
            throw ApiProblem.unauthorized("missing X-API-Key header");
        }
        return caller;
    }

    public String tenantId() {
        return caller().tenantId();
    }
}
