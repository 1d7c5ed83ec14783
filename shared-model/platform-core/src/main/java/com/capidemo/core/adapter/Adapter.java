package com.capidemo.core.adapter;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the bean an adapter module offers for a port, named by its configuration value ({@code sqlite},
 * {@code firestore}, {@code duckdb}, {@code bigquery}, ...). Core's producers pick the one {@link AdapterSelection}
 * chose; the others are never created. A service carries only the adapter modules it depends on.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface Adapter {

    /** The configuration value that selects this adapter, e.g. "sqlite". */
    String value();

    final class Literal extends AnnotationLiteral<Adapter> implements Adapter {

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
