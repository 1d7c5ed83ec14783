package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.port.Keyset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Walks a keyset-paged demo scan one page at a time, so only one page is ever in memory. */
final class DemoPages {
    private DemoPages() {}

    /**
     * Calls {@code each} for every demo of the scan; {@code page} reads the page after a keyset, {@code key} gives a
     * demo's position in the scan's order. Stops at the first empty page.
     */
    static void forEach(Function<Optional<Keyset>, List<Demo>> page, Function<Demo, Instant> key, Consumer<Demo> each) {
        Optional<Keyset> after = Optional.empty();
        while (true) {
            List<Demo> demos = page.apply(after);
            if (demos.isEmpty()) {
                return;
            }
            demos.forEach(each);
            Demo last = demos.get(demos.size() - 1);
            after = Optional.of(new Keyset(key.apply(last), last.demoId()));
        }
    }
}
