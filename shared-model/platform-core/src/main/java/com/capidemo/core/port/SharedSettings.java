package com.capidemo.core.port;

import java.util.function.Supplier;

/** Values every local process must agree on (generated secrets such as the admin token), kept in the shared store. */
public interface SharedSettings {

    /** Returns the stored value, storing {@code initial} first when there is none (first writer wins). */
    String getOrCreate(String key, Supplier<String> initial);
}
