package com.capidemo.core.web.edge;

import com.capidemo.core.web.ApiProblem;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.PushbackInputStream;

/**
 * Every request body an endpoint reads is UTF-8 without a byte order mark (RFC 8259 §8.1): a body that starts with a
 * BOM (UTF-8, UTF-16 or UTF-32) or is UTF-16/32 (a JSON text starts with an ASCII character, so a zero byte among its
 * first two bytes gives those away) is answered 415 before any parser sees it. JSON parsers would otherwise detect
 * and accept those encodings on their own, unlike the Content-Type rule in {@link RequestShape}, which admits UTF-8
 * only.
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

    private static final int PEEK = 4;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        PushbackInputStream in = new PushbackInputStream(context.getInputStream(), PEEK);
        byte[] head = in.readNBytes(PEEK);
        if (head.length > 0) {
            in.unread(head);
        }
        if (!isPlainUtf8Start(head)) {
            throw new ApiProblem(
                    415,
                    com.capidemo.core.web.HttpProblems.slug(415),
                    com.capidemo.core.web.HttpProblems.title(415),
                    "request bodies must be UTF-8 without a byte order mark");
        }
        context.setInputStream(in);
        return context.proceed();
    }

    /** Whether a body's first bytes are neither a byte order mark nor UTF-16/32 (so they may be plain UTF-8). */
    static boolean isPlainUtf8Start(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return false;
        }
        if (head.length >= 2
                && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                        || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            return false;
        }
        return !(head.length >= 2 && (head[0] == 0 || head[1] == 0));
    }
}
