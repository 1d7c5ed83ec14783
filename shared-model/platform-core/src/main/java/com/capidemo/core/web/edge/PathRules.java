package com.capidemo.core.web.edge;

import java.util.List;
import java.util.Optional;

/** Matching configured paths: an entry ending in '/' is a prefix, any other entry the exact path. */
public final class PathRules {

    private PathRules() {}

    public static boolean matches(Optional<List<String>> rules, String path) {
        return rules.map(list -> list.stream().anyMatch(rule -> matches(rule.strip(), path)))
                .orElse(false);
    }

    static boolean matches(String rule, String path) {
        if (rule.isEmpty()) {
            return false;
        }
        return rule.endsWith("/")
                ? path.startsWith(rule) || path.equals(rule.substring(0, rule.length() - 1))
                : path.equals(rule);
    }
}
