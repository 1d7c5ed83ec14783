package com.capidemo.core.adapter;

import io.quarkus.arc.ClientProxy;
import jakarta.enterprise.inject.Instance;

/** Picks, among the adapters of one port on the classpath, the one configuration selected. */
public final class Adapters {

    private Adapters() {}

    /**
     * The adapter for {@code port} from {@code candidates} (an {@code @Any Instance} of the port type); fails with the
     * key to change when the selected adapter is not part of this service.
     */
    public static <T> T pick(Instance<T> candidates, AdapterSelection selection, Port port) {
        String chosen = selection.value(port);
        Instance<T> match = candidates.select(Adapter.Literal.of(chosen));
        if (!match.isResolvable()) {
            throw new IllegalStateException(port.key() + "=" + chosen + " is selected, but this service has no '"
                    + chosen + "' adapter for it on its classpath");
        }
        // The port's own bean is already application-scoped: hand it the adapter itself, not a second proxy.
        return ClientProxy.unwrap(match.get());
    }
}
