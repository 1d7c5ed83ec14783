package com.capidemo.core.domain;

/** How a demo was created: from a template (quick), by the custom pipeline, or as a clone of another demo. */
public enum DemoOrigin {
    QUICK,
    CUSTOM,
    CLONE;

    /** A clone has a source demo; otherwise a demo with a template is quick and one without is custom. */
    public static DemoOrigin of(String templateId, String sourceDemoId) {
        if (sourceDemoId != null) {
            return CLONE;
        }
        return templateId == null ? CUSTOM : QUICK;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
