package com.capidemo.core.json;

/**
 * The rule for text that users send: no control characters (C0 except tab, line feed and carriage return, DEL, C1),
 * so a NUL or an escape sequence never reaches SQL, logs or another system. One place decides; the JSON reader
 * ({@link StrictJson}) and the path check at the edge apply it.
 */
public final class UserText {

    public static final String CONTROL_CHARACTERS_MESSAGE = "must not contain control characters";
    private static final int PREVIEW = 64;

    private UserText() {}

    public static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    /** Like {@link #isControl} but also tab and line breaks: for single-line values (paths, ids, header values). */
    public static boolean isControlOrLineBreak(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    public static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The start of a value, safe to show: control characters escaped, at most a few dozen characters. */
    public static String preview(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < PREVIEW; i++) {
            char c = text.charAt(i);
            out.append(isControlOrLineBreak(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.length() > PREVIEW ? out + "…" : out.toString();
    }
}
