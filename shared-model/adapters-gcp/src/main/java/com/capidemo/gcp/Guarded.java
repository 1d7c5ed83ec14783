package com.capidemo.gcp;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;

/**
 * Puts every call of a port through one {@link GcpCallGuard} method: a JDK proxy of the port interface, so the gcp
 * adapters stay plain classes (constructed by producers, testable without CDI) and still get fault tolerance.
 */
public final class Guarded {

    /** One of the guard's methods. */
    @FunctionalInterface
    public interface Guard {
        Object call(Callable<Object> call) throws Exception;
    }

    private Guarded() {}

    public static <T> T wrap(Class<T> port, T target, Guard guard) {
        return port.cast(
                Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, new Handler(port, target, guard)));
    }

    /** The adapter behind a guarded port, e.g. to check which one configuration chose. */
    public static Object targetOf(Object proxy) {
        return Proxy.isProxyClass(proxy.getClass()) && Proxy.getInvocationHandler(proxy) instanceof Handler h
                ? h.target()
                : proxy;
    }

    private record Handler(Class<?> port, Object target, Guard guard) implements InvocationHandler {

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            try {
                return guard.call(() -> {
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
                    }
                });
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
    }
}
