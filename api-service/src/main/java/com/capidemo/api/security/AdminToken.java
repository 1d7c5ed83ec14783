package com.capidemo.api.security;

import com.capidemo.shared.config.PlatformConfig;
import com.capidemo.shared.domain.Ids;
import com.capidemo.shared.port.SharedSettings;
import com.capidemo.shared.web.ApiProblem;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The admin bootstrap token that guards onboarding: PLATFORM_ADMIN_TOKEN when set, otherwise one
 * generated on first start, kept in the store and written to {@code {data-dir}/admin-token}.
 */
@ApplicationScoped
public class AdminToken {

    public static final String HEADER = "X-Admin-Token";

    private final String token;

    public AdminToken(PlatformConfig config, SharedSettings settings) {
        this.token = config.adminToken().filter(t -> !t.isBlank())
                .orElseGet(() -> settings.getOrCreate("admin_token", () -> Ids.randomHex(24)));
        Path file = Path.of(config.dataDir()).resolve("admin-token");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        } catch (IOException e) {
            Log.warnf("could not write %s: %s", file, e.getMessage());
        }
    }

    void onStart(@Observes StartupEvent event) {
        Log.info("admin bootstrap token ready (see the admin-token file in the data directory)");
    }

    public void verify(String presented) {
        if (presented == null || presented.isBlank()) {
            throw ApiProblem.unauthorized("missing " + HEADER + " header");
        }
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented.trim().getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.unauthorized("wrong admin token");
        }
    }
}
