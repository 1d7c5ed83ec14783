package com.capidemo.lifecycle.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.DemoCount;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.lifecycle.config.LifecycleConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEstimateTest {

    private static final LifecycleConfig.Cost COST = new LifecycleConfig.Cost() {
        @Override
        public double fixedMonthlyUsd() {
            return 15.00;
        }

        @Override
        public double generatedDemoGib() {
            return 0.5;
        }

        @Override
        public double storageUsdPerGibMonth() {
            return 0.02;
        }
    };

    @Test
    void onlyDemosWithTheirOwnDataAddStorageToTheFixedPart() {
        List<DemoCount> counts = List.of(
                new DemoCount(DemoStatus.READY, "acme", "shopify", 400), // zero-copy clones: nothing stored
                new DemoCount(DemoStatus.READY, "acme", "custom", 100), // 100 x 0.5 GiB x $0.02 = $1.00
                new DemoCount(DemoStatus.ARCHIVED, "acme", null, 50), // archived keep their dataset: $0.50
                new DemoCount(DemoStatus.DELETED, "acme", "custom", 70), // dataset dropped
                new DemoCount(DemoStatus.FAILED, "acme", "custom", 5)); // nothing left after the temp cleanup

        assertThat(CostEstimate.monthlyCents(counts, COST)).isEqualTo(1650);
    }

    @Test
    void anEmptyPlatformCostsItsFixedPart() {
        assertThat(CostEstimate.monthlyCents(List.of(), COST)).isEqualTo(1500);
    }
}
