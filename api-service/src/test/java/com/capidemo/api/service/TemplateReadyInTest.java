package com.capidemo.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateReadyInTest {

    @Test
    void withoutACompletedQuickProvisionTheTemplatesEstimateIsShown() {
        assertThat(TemplateService.median(45, List.of())).isEqualTo(new TemplateService.ReadyIn(45, "estimate", 0));
    }

    @Test
    void theMedianOfTheRecentProvisionsIsShownRoundedToWholeSecondsAndAtLeastOne() {
        assertThat(TemplateService.median(
                        45, List.of(Duration.ofMillis(900), Duration.ofSeconds(30), Duration.ofMillis(1400))))
                .isEqualTo(new TemplateService.ReadyIn(1, "measured", 3));
        assertThat(TemplateService.median(45, List.of(Duration.ofSeconds(2), Duration.ofSeconds(4))))
                .isEqualTo(new TemplateService.ReadyIn(3, "measured", 2));
        assertThat(TemplateService.median(45, List.of(Duration.ofMillis(120))))
                .isEqualTo(new TemplateService.ReadyIn(1, "measured", 1));
    }
}
