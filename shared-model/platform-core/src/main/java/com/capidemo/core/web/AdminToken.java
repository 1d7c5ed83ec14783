package com.capidemo.core.web;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.config.PrivateFiles;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.port.SharedSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The admin bootstrap token that guards onboarding, setup, operators' manual lifecycle runs and (in prod) the operations endpoints: PLATFORM_ADMIN_TOKEN
 * when set, otherwise one generated on first start, kept in the shared store and written to
 * {@code {data-dir}/admin-token} (0600). Made at start, so checking it never touches the store.
 */
@Startup
@ApplicationScoped
public class AdminToken {

    public static final String HEADER = "X-Admin-Token";

    private final byte[] token;

    public AdminToken(PlatformConfig config, SharedSettings settings) {
        String value = config.adminToken()
                .filter(t -> !t.isBlank())
                .orElseGet(() -> settings.getOrCreate("admin_token", () -> Ids.randomHex(24)));
        this.token = value.getBytes(StandardCharsets.UTF_8);
        Path file = Path.of(config.dataDir()).resolve("admin-token");
        try {
            PrivateFiles.writeString(file, value + "\n");
        } catch (IOException e) {
            Log.warnf("could not write the admin-token file in the data directory: %s", e.getMessage());
        }
        Log.info("admin bootstrap token ready (see the admin-token file in the data directory)");
    }

    /** @throws ApiProblem 401 when the token is missing or wrong (compared in constant time) */
    public void verify(String presented) {
        if (presented == null || presented.isBlank()) {
            throw ApiProblem.unauthorized("missing " + HEADER + " header");
        }
        if (!MessageDigest.isEqual(token, presented.trim().getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.unauthorized("wrong admin token");
        }
    }
}
