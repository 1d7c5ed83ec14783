package com.capidemo.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * The options of the custom and clone benchmarks: {@code --url}, {@code --api-key} (else PLATFORM_URL /
 * PLATFORM_API_KEY, else {PLATFORM_DATA_DIR}/platform.env), {@code --results DIR} and one count option.
 */
record BenchArgs(String url, String apiKey, int count, Path results) {

    /** @throws IllegalArgumentException for an unknown option, a count below 1 or no platform to measure */
    static BenchArgs parse(String[] args, String countOption, int defaultCount) {
        String url = System.getenv("PLATFORM_URL");
        String key = System.getenv("PLATFORM_API_KEY");
        int count = defaultCount;
        Path results = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String option = args[i];
            if (option.equals("--url")) {
                url = args[i + 1];
            } else if (option.equals("--api-key")) {
                key = args[i + 1];
            } else if (option.equals("--results")) {
                results = Path.of(args[i + 1]);
            } else if (option.equals(countOption)) {
                count = Integer.parseInt(args[i + 1]);
            } else {
                throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (url == null || key == null || url.isBlank() || key.isBlank()) {
            Map<String, String> env = Bench.readEnv(
                    Path.of(System.getenv().getOrDefault("PLATFORM_DATA_DIR", ".platform-data") + "/platform.env"));
            url = url == null || url.isBlank() ? env.get("PLATFORM_URL") : url;
            key = key == null || key.isBlank() ? env.get("PLATFORM_API_KEY") : key;
        }
        if (url == null || key == null || count < 1) {
            throw new IllegalArgumentException("no platform URL / API key");
        }
        return new BenchArgs(url.replaceAll("/+$", ""), key, count, results);
    }
}
