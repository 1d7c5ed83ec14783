package com.capidemo.gcp;

import com.capidemo.core.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;

/**
 * Puts every call of a port through one {@link GcpCallGuard} method: a JDK proxy of the port interface, so the gcp
 * adapters stay plain classes (constructed by producers, testable without CDI) and still get fault tolerance. Each
 * attempt of a call is one client span ({@code Port.method}, attribute {@code gcp.service}), a child of whatever span
 * is current (a request, a job phase), so a trace shows every Google call a provision made, retries included.
 */
public final class Guarded {

    /** One of the guard's methods. */
    @FunctionalInterface
    public interface Guard {
        Object call(Callable<Object> call) throws Exception;
    }

    private Guarded() {}

    /** The attribute naming the Google service a span's call went to (bigquery, firestore, pubsub, ...). */
    public static final AttributeKey<String> GCP_SERVICE = AttributeKey.stringKey("gcp.service");

    /** Every call of {@code port} through {@code guard}, each attempt a client span of {@code service}. */
    public static <T> T wrap(Class<T> port, T target, String service, Guard guard) {
        return port.cast(Proxy.newProxyInstance(
                port.getClassLoader(), new Class<?>[] {port}, new Handler(port, target, service, guard)));
    }

    /**
     * Every call of {@code port} as a client span of {@code service}, without a guard: for clients that retry and
     * time out on their own (Firestore transactions, Pub/Sub publishing).
     */
    public static <T> T traced(Class<T> port, T target, String service) {
        return wrap(port, target, service, Callable::call);
    }

    /** The adapter behind a guarded port, e.g. to check which one configuration chose. */
    public static Object targetOf(Object proxy) {
        return Proxy.isProxyClass(proxy.getClass()) && Proxy.getInvocationHandler(proxy) instanceof Handler h
                ? h.target()
                : proxy;
    }

    private record Handler(Class<?> port, Object target, String service, Guard guard) implements InvocationHandler {

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            try {
                return guard.call(() -> attempt(method, args));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                // A checked exception the port declares passes through; anything else is wrapped.
                for (Class<?> declared : method.getExceptionTypes()) {
                    if (declared.isInstance(e)) {
                        throw e;
                    }
                }
                throw new IllegalStateException(
                        port.getSimpleName() + "." + method.getName() + " failed: " + e.getMessage(), e);
            }
        }

        /** One attempt of the call, as one client span. */
        private Object attempt(Method method, Object[] args) throws Exception {
            Span span = Tracing.tracer()
                    .spanBuilder(port.getSimpleName() + "." + method.getName())
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute(GCP_SERVICE, service)
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                span.recordException(cause);
                span.setStatus(StatusCode.ERROR, cause.getClass().getSimpleName());
                throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
            } finally {
                span.end();
            }
        }
    }
}
